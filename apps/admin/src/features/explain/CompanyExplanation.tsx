import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { explanationTree } from '../../adapters/explanationFromApi';
import { ExplainCompanyQuery, ExplanationNodeFields } from '../../api/explain';
import { readFragment } from '../../generated/gql';
import { formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { ErrorState, Loading } from '../../ui/StateViews';
import { ExplanationTree } from './ExplanationTree';
import { Figures } from './Figures';
import { useCompanyRowLoader } from './rowLoaders';

interface CompanyExplanationProps {
  editionKey: string;
  companyKey: string;
  companyName: string;
}

/** "How the total came about": a disclosure that loads the company's explanation tree when first opened. */
export function CompanyExplanation({ editionKey, companyKey, companyName }: CompanyExplanationProps) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ExplainCompanyQuery,
    variables: { editionKey, companyKey, locale },
    pause: !open,
  });
  const outcome = data?.explainCompany;
  const explanation = outcome?.__typename === 'CompanyExplanation' ? outcome : null;
  const rows = useMemo(
    () => (explanation ? explanationTree(readFragment(ExplanationNodeFields, explanation.nodes)) : []),
    [explanation],
  );
  const loadChildren = useCompanyRowLoader(editionKey, companyKey);

  return (
    <section className="card explain-section" aria-labelledby="explain-company-title">
      <div className="explain-head">
        <h2 id="explain-company-title" className="card-title">
          {t('explain.title')}
        </h2>
        <Button aria-expanded={open} aria-controls="explain-company-body" onClick={() => setOpen(!open)}>
          {open ? t('explain.hide') : t('explain.show')}
        </Button>
      </div>
      {open && (
        <div id="explain-company-body" className="stack">
          {fetching && !data ? (
            <Loading />
          ) : error && !data ? (
            <ErrorState
              message={error.message}
              onRetry={() => reexecute({ requestPolicy: 'network-only' })}
            />
          ) : explanation ? (
            <>
              <Figures
                items={[
                  [t('explain.summary.total'), formatScore(explanation.total, locale)],
                  [t('explain.summary.answeredOnly'), formatScore(explanation.answeredOnly, locale)],
                  [t('explain.summary.contacts'), `${explanation.n} (${explanation.nAnswered})`],
                  [
                    t('explain.summary.weighting'),
                    explanation.contactWeighting === 'channel'
                      ? t('explain.weighting.channel')
                      : t('explain.weighting.equal'),
                  ],
                ]}
              />
              <ExplanationTree
                label={t('explain.treeLabel', { name: companyName })}
                rows={rows}
                loadChildren={loadChildren}
              />
            </>
          ) : (
            <ErrorState message={outcome && 'message' in outcome ? outcome.message : undefined} />
          )}
        </div>
      )}
    </section>
  );
}
