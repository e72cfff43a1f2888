import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useLocation, useParams, useSearch } from 'wouter';
import { useEditions } from '../api/useEditions';
import { WhatIfQuery } from '../api/whatIf';
import { paths } from '../app/paths';
import { ResultsTabs } from '../features/awards/ResultsTabs';
import { EditionPicker } from '../features/editions/EditionPicker';
import { defaultWhatIfPair } from '../features/what-if/defaultRules';
import { WhatIfView } from '../features/what-if/WhatIfView';
import { whatIfFromApi } from '../features/what-if/whatIfRows';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';

/** What-if: an edition's evaluations re-scored under another edition's rules (`?rules=KSP24`). */
export default function WhatIfPage() {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const search = useSearch();
  const { edition: routeKey } = useParams<{ edition?: string }>();
  const { editions, fetching, error: editionsError } = useEditions(routeKey);
  const { editionKey, rulesKey } = defaultWhatIfPair(
    editions,
    routeKey,
    new URLSearchParams(search).get('rules') || undefined,
  );
  const ready = Boolean(editionKey && rulesKey);
  const [{ data, fetching: loading, error }, reexecute] = useQuery({
    query: WhatIfQuery,
    variables: { editionKey, rulesFromEditionKey: rulesKey, locale },
    pause: !ready,
  });
  const outcome = data?.whatIf;
  const view = useMemo(
    () => (data && outcome?.__typename === 'WhatIf' ? whatIfFromApi(outcome, data.industries) : null),
    [data, outcome],
  );
  const go = (edition: string, rules: string) =>
    navigate(`${paths.whatIf(edition)}?rules=${encodeURIComponent(rules)}`);

  return (
    <>
      <PageHeader
        title={t('whatIf.title')}
        subtitle={t('whatIf.subtitle')}
        actions={
          <>
            <EditionPicker
              label={t('whatIf.edition')}
              editions={editions}
              value={editionKey}
              onChange={(key) => go(key, rulesKey === key ? '' : rulesKey)}
            />
            <EditionPicker
              label={t('whatIf.rules')}
              editions={editions}
              value={rulesKey}
              onChange={(key) => go(editionKey, key)}
            />
          </>
        }
      />
      <ResultsTabs current="whatIf" editionKey={editionKey} />
      {fetching || (loading && !data) ? (
        <Loading label={t('whatIf.loading')} />
      ) : editionsError ? (
        <ErrorState message={editionsError.message} />
      ) : error && !data ? (
        <ErrorState message={error.message} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : view ? (
        <WhatIfView data={view} />
      ) : outcome && 'message' in outcome ? (
        <ErrorState message={outcome.message} />
      ) : (
        <EmptyState title={t('editions.empty')} />
      )}
    </>
  );
}
