import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useLocation, useParams } from 'wouter';
import { diffFromApi } from '../adapters/diffFromApi';
import { editionFromApi } from '../adapters/editionFromApi';
import { EditionDiffQuery } from '../api/changes';
import { EditionDefinitionQuery } from '../api/definition';
import { useEditions } from '../api/useEditions';
import { paths } from '../app/paths';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { namesFrom } from '../features/changes/groupChanges';
import { WhatChanged } from '../features/changes/WhatChanged';
import { EditionPicker } from '../features/editions/EditionPicker';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';

// Lineage marks and comparability of the later edition (issue 8), a lazy chunk of their own.
const LineagePanel = lazy(() =>
  import('../features/comparability/LineagePanel').then((m) => ({ default: m.LineagePanel })),
);

/** "What changed" between two picked editions: the route's edition and (by default) the one it derives from. */
export default function ChangesPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const [, navigate] = useLocation();
  const { edition: routeKey } = useParams<{ edition?: string }>();
  const { editions, chosen, fetching } = useEditions(routeKey, (e) => e.derivedFrom !== null);
  const [pickedFrom, setPickedFrom] = useState<string | null>(null);
  const toKey = chosen?.key ?? '';
  const fromKey =
    pickedFrom ??
    chosen?.derivedFrom?.key ??
    editions[editions.findIndex((e) => e.key === toKey) + 1]?.key ??
    '';
  const ready = Boolean(fromKey && toKey);

  const [diff] = useQuery({ query: EditionDiffQuery, variables: { fromKey, toKey }, pause: !ready });
  const [from] = useQuery({ query: EditionDefinitionQuery, variables: { key: fromKey }, pause: !ready });
  const [to] = useQuery({ query: EditionDefinitionQuery, variables: { key: toKey }, pause: !ready });
  const names = useMemo(
    () =>
      namesFrom(
        to.data?.edition ? editionFromApi(to.data.edition) : undefined,
        from.data?.edition ? editionFromApi(from.data.edition) : undefined,
      ),
    [from.data, to.data],
  );
  const outcome = diff.data?.editionDiff;

  return (
    <>
      <PageHeader
        title={t('nav.changes')}
        actions={
          <>
            <EditionPicker
              label={t('picker.from')}
              editions={editions}
              value={fromKey}
              onChange={setPickedFrom}
            />
            <EditionPicker
              label={t('picker.to')}
              editions={editions}
              value={toKey}
              onChange={(key) => navigate(paths.changes(key))}
            />
          </>
        }
      />
      {/* Group headings need both editions' names, so wait for them too. */}
      {fetching || diff.fetching || from.fetching || to.fetching ? (
        <Loading />
      ) : diff.error ? (
        <ErrorState message={diff.error.message} />
      ) : outcome?.__typename === 'EditionDiff' ? (
        <div className="stack">
          <WhatChanged diff={diffFromApi(outcome)} names={names} />
          <Suspense fallback={<Loading />}>
            <LineagePanel
              editionKey={toKey}
              baselineEditionKey={fromKey}
              canEdit={can(session?.user.role, 'definition.edit')}
            />
          </Suspense>
        </div>
      ) : outcome ? (
        <ErrorState message={outcome.message} />
      ) : (
        <EmptyState title={t('editions.empty')} />
      )}
    </>
  );
}
