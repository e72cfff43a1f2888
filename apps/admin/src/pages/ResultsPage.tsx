import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useLocation, useParams } from 'wouter';
import { resultsFromApi } from '../adapters/resultsFromApi';
import { EditionResultsQuery } from '../api/results';
import { useEditions } from '../api/useEditions';
import { paths } from '../app/paths';
import { ResultsTabs } from '../features/awards/ResultsTabs';
import { EditionPicker } from '../features/editions/EditionPicker';
import { ResultsView } from '../features/results/ResultsView';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';

// Why a company holds its place (issue 8), a lazy chunk of its own.
const RankingExplanation = lazy(() =>
  import('../features/explain/RankingExplanation').then((m) => ({ default: m.RankingExplanation })),
);

export default function ResultsPage() {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const { edition: routeKey } = useParams<{ edition?: string }>();
  const { editions, chosen, fetching } = useEditions(routeKey, (e) => e.status !== 'draft');
  const editionKey = routeKey ?? chosen?.key ?? '';
  const [{ data, fetching: loading, error }, reexecute] = useQuery({
    query: EditionResultsQuery,
    variables: { editionKey, locale },
    pause: !editionKey,
    requestPolicy: 'cache-and-network',
  });
  const [explaining, setExplaining] = useState<{
    position: number;
    industryKey: string | null;
    companyKey: string;
  } | null>(null);
  const outcome = data?.editionResults;
  const results = useMemo(
    () => (data && outcome?.__typename === 'EditionResults' ? resultsFromApi(outcome, data) : null),
    [data, outcome],
  );

  return (
    <>
      <PageHeader
        title={t('nav.results')}
        subtitle={chosen?.name}
        actions={
          <EditionPicker
            label={t('picker.edition')}
            editions={editions}
            value={editionKey}
            onChange={(key) => navigate(paths.results(key))}
          />
        }
      />
      <ResultsTabs current="ranking" editionKey={editionKey} />
      {(fetching || loading) && !data ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState message={error.message} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : results ? (
        <div className="stack">
          {explaining && (
            <Suspense fallback={<Loading />}>
              <RankingExplanation
                key={`${editionKey}:${explaining.industryKey}:${explaining.position}:${explaining.companyKey}`}
                editionKey={editionKey}
                position={explaining.position}
                companyKey={explaining.companyKey}
                industry={
                  explaining.industryKey
                    ? {
                        key: explaining.industryKey,
                        name: results.industries.find((i) => i.key === explaining.industryKey)?.name ?? '',
                      }
                    : undefined
                }
                names={new Map(results.rows.map((row) => [row.companyKey, row.companyName]))}
                onClose={() => setExplaining(null)}
              />
            </Suspense>
          )}
          <ResultsView
            results={results}
            onExplain={(position, row, industryKey) =>
              setExplaining({ position, industryKey, companyKey: row.companyKey })
            }
          />
        </div>
      ) : outcome && 'message' in outcome ? (
        <ErrorState message={outcome.message} />
      ) : (
        <EmptyState title={t('editions.empty')} />
      )}
    </>
  );
}
