import { lazy, Suspense, useMemo } from 'react';
import { useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { companyFromApi } from '../adapters/companyFromApi';
import { CompanyResultsQuery } from '../api/company';
import { useCompanyTrend } from '../api/useCompanyTrend';
import { useEditions } from '../api/useEditions';
import { paths } from '../app/paths';
import { CompanyView } from '../features/company/CompanyView';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';

// The comparable trend and the score explanations (issue 8) are a lazy chunk of their own.
const CompanyInsights = lazy(() => import('../features/explain/CompanyInsights'));

export default function CompanyPage() {
  const { t, locale } = useI18n();
  const { edition: editionKey = '', company: companyKey = '' } = useParams<{
    edition: string;
    company: string;
  }>();
  const { editions } = useEditions(editionKey);
  const [{ data, fetching, error }] = useQuery({
    query: CompanyResultsQuery,
    variables: { editionKey, companyKey, locale },
    requestPolicy: 'cache-and-network',
  });
  // The trend covers every edition with results: those open for or done with evaluations, and this one.
  const trendKeys = useMemo(
    () => editions.filter((e) => e.status !== 'draft' || e.key === editionKey).map((e) => e.key),
    [editions, editionKey],
  );
  const trend = useCompanyTrend(companyKey, trendKeys);
  const outcome = data?.editionResults;
  const company = useMemo(
    () =>
      data && outcome?.__typename === 'EditionResults' ? companyFromApi(data, outcome, trend ?? []) : null,
    [data, outcome, trend],
  );

  return (
    <>
      <PageHeader
        title={company?.companyName ?? companyKey}
        subtitle={<Link href={paths.results(editionKey)}>{t('nav.results')}</Link>}
      />
      {fetching && !data ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState message={error.message} />
      ) : company ? (
        trend ? (
          <div className="stack">
            <CompanyView company={company} />
            <Suspense fallback={<Loading />}>
              <CompanyInsights
                editionKey={editionKey}
                companyKey={companyKey}
                companyName={company.companyName}
                industryKey={
                  outcome?.__typename === 'EditionResults' ? (outcome.company?.industryKey ?? null) : null
                }
                industryName={company.industryName}
              />
            </Suspense>
          </div>
        ) : (
          <Loading label={t('company.trendLoading')} />
        )
      ) : outcome && 'message' in outcome ? (
        <ErrorState message={outcome.message} />
      ) : (
        <EmptyState title={t('state.errorBody')} />
      )}
    </>
  );
}
