import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from 'urql';
import { explanationTree, localizeEffect } from '../../adapters/explanationFromApi';
import { ExplainRankingPositionQuery, ExplanationNodeFields } from '../../api/explain';
import { readFragment } from '../../generated/gql';
import { formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { ErrorState, Loading } from '../../ui/StateViews';
import { ExplanationTree } from './ExplanationTree';
import { Figures } from './Figures';
import { useCompanyRowLoader } from './rowLoaders';

export interface RankingExplanationProps {
  editionKey: string;
  /** 1-based position among eligible companies. */
  position: number;
  /** Which company, when several share the position; absent = the first by key order. */
  companyKey?: string;
  /** An industry's ranking; absent = the overall one. */
  industry?: { key: string; name: string };
  /** Company names by key, for the neighbours. */
  names: ReadonlyMap<string, string>;
  onClose: () => void;
}

/**
 * Why a company holds a ranking position: the domain's effects (eligibility, neighbours and the deciding rule, a
 * withheld winner) in the UI language, the winner, then its score tree.
 */
export function RankingExplanation({
  editionKey,
  position,
  companyKey,
  industry,
  names,
  onClose,
}: RankingExplanationProps) {
  const { t, locale } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [{ data, fetching, error }] = useQuery({
    query: ExplainRankingPositionQuery,
    variables: {
      editionKey,
      position,
      industryKey: industry?.key ?? null,
      companyKey: companyKey ?? null,
      locale,
    },
  });
  const outcome = data?.explainRankingPosition;
  const explanation = outcome?.__typename === 'RankingPositionExplanation' ? outcome : null;
  const rows = useMemo(
    () =>
      explanation ? explanationTree(readFragment(ExplanationNodeFields, explanation.company.nodes)) : [],
    [explanation],
  );
  const loadChildren = useCompanyRowLoader(editionKey, explanation?.companyKey ?? companyKey ?? '');

  // The panel opens above the table: take focus there so keyboard and screen-reader users land on it.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const name = (key: string) => names.get(key) ?? key;
  const title = industry
    ? t('explain.rankTitleIndustry', { position, industry: industry.name })
    : t('explain.rankTitle', { position });

  return (
    <section className="card explain-section" aria-labelledby="explain-rank-title">
      <div className="explain-head">
        <h2 id="explain-rank-title" className="card-title" ref={heading} tabIndex={-1}>
          {title}
          {explanation && `: ${explanation.name}`}
        </h2>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </div>
      {fetching && !data ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState message={error.message} />
      ) : explanation ? (
        <div className="stack">
          <Figures
            items={[
              [t('explain.summary.total'), formatScore(explanation.total, locale)],
              [t('explain.summary.answeredOnly'), formatScore(explanation.answeredOnly, locale)],
              [t('explain.summary.contacts'), `${explanation.company.n} (${explanation.company.nAnswered})`],
            ]}
          />
          <ul className="explain-neighbours">
            {explanation.effects.map((effect, i) => (
              <li key={`${effect.code}-${i}`}>{localizeEffect(effect, t, locale, name)}</li>
            ))}
            {explanation.winner && <li>{t('explain.rankWinner', { company: name(explanation.winner) })}</li>}
          </ul>
          <ExplanationTree
            label={t('explain.treeLabel', { name: explanation.name })}
            rows={rows}
            loadChildren={loadChildren}
          />
        </div>
      ) : (
        <ErrorState message={outcome && 'message' in outcome ? outcome.message : undefined} />
      )}
    </section>
  );
}
