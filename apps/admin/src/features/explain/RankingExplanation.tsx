import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from 'urql';
import { explanationTree } from '../../adapters/explanationFromApi';
import { ExplainRankingPositionQuery } from '../../api/explain';
import { formatNumber, formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nb';
import { Button } from '../../ui/Button';
import { ErrorState, Loading } from '../../ui/StateViews';
import { ExplanationTree } from './ExplanationTree';
import { Figures } from './Figures';

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

const RULES = new Set(['total', 'answeredOnly', 'headline', 'nAnswered', 'companyKey']);

/** Why a company holds a ranking position: neighbours and the deciding rule, eligibility, then its score tree. */
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
  const rows = useMemo(() => (explanation ? explanationTree(explanation.company.nodes) : []), [explanation]);

  // The panel opens above the table: take focus there so keyboard and screen-reader users land on it.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const name = (key: string) => names.get(key) ?? key;
  const rule = (decidedBy: string) =>
    RULES.has(decidedBy) ? t(`explain.rule.${decidedBy}` as MessageKey) : decidedBy;
  const difference = (value: number) =>
    (value >= 0 ? '+' : '−') + formatNumber(Math.abs(Math.round(value * 100) / 100), locale);
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
            {explanation.above ? (
              <li>
                {explanation.above.decidedBy === 'companyKey'
                  ? t('ties.explainShared', { company: name(explanation.above.companyKey) })
                  : t('explain.rankAbove', {
                      company: name(explanation.above.companyKey),
                      rule: rule(explanation.above.decidedBy),
                      difference: difference(explanation.above.difference),
                    })}
              </li>
            ) : (
              <li>{t('explain.rankTop', { company: explanation.name })}</li>
            )}
            {explanation.below && (
              <li>
                {explanation.below.decidedBy === 'companyKey'
                  ? t('ties.explainShared', { company: name(explanation.below.companyKey) })
                  : t('explain.rankBelow', {
                      company: name(explanation.below.companyKey),
                      rule: rule(explanation.below.decidedBy),
                      difference: difference(explanation.below.difference),
                    })}
              </li>
            )}
            {explanation.winner && <li>{t('explain.rankWinner', { company: name(explanation.winner) })}</li>}
            {!explanation.eligible && (
              <li>{t('explain.rankNotEligible', { reasons: explanation.reasons.join('; ') })}</li>
            )}
          </ul>
          <ExplanationTree label={t('explain.treeLabel', { name: explanation.name })} rows={rows} />
        </div>
      ) : (
        <ErrorState message={outcome && 'message' in outcome ? outcome.message : undefined} />
      )}
    </section>
  );
}
