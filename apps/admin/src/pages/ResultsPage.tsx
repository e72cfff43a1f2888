import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useLocation, useParams } from 'wouter';
import { resultsFromApi } from '../adapters/resultsFromApi';
import { EditionResultsQuery } from '../api/results';
import { useEditions } from '../api/useEditions';
import { paths } from '../app/paths';
import { EditionPicker } from '../features/editions/EditionPicker';
import { ResultsView } from '../features/results/ResultsView';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';

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
      {(fetching || loading) && !data ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState message={error.message} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : results ? (
        <ResultsView results={results} />
      ) : outcome && 'message' in outcome ? (
        <ErrorState message={outcome.message} />
      ) : (
        <EmptyState title={t('editions.empty')} />
      )}
    </>
  );
}
