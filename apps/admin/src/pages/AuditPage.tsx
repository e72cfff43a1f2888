import { useState } from 'react';
import { useQuery } from 'urql';
import { Redirect, useLocation, useParams } from 'wouter';
import { AuditActorsQuery, AuditEntriesQuery } from '../api/audit';
import { useEditions } from '../api/useEditions';
import { paths } from '../app/paths';
import { type AuditEntry, type AuditFilters, AuditLog, noAuditFilters } from '../features/audit/AuditLog';
import { EditionPicker } from '../features/editions/EditionPicker';
import type { AuditEntryFilter } from '../generated/gql/graphql';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';

const PAGE_SIZE = 25;

/** Local calendar days as the API's instants: `from` at its start, `to` up to the end of that day. */
function apiFilter(editionKey: string, filters: AuditFilters): AuditEntryFilter {
  const dayStart = (day: string, plusDays = 0) => {
    const date = new Date(`${day}T00:00:00`);
    date.setDate(date.getDate() + plusDays);
    return date.toISOString();
  };
  return {
    editionKey,
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.from ? { from: dayStart(filters.from) } : {}),
    ...(filters.to ? { to: dayStart(filters.to, 1) } : {}),
  };
}

/** The audit trail of one edition (admins only): who changed what and when, filtered and paged. */
export default function AuditPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const { edition: routeKey } = useParams<{ edition?: string }>();
  const { editions, chosen, fetching } = useEditions(routeKey);
  const [filters, setFilters] = useState(noAuditFilters);

  if (!routeKey && chosen) return <Redirect to={paths.auditOf(chosen.key)} replace />;
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          chosen && (
            <EditionPicker
              label={t('picker.edition')}
              editions={editions}
              value={chosen.key}
              onChange={(key) => navigate(paths.auditOf(key))}
            />
          )
        }
      />
      {fetching ? (
        <Loading />
      ) : !chosen ? (
        <EmptyState title={t('editions.empty')} />
      ) : (
        // New edition or filters: start again at the first page.
        <AuditPages
          key={`${chosen.key}:${JSON.stringify(filters)}`}
          editionKey={chosen.key}
          filters={filters}
          onFiltersChange={setFilters}
        />
      )}
    </>
  );
}

function AuditPages({
  editionKey,
  filters,
  onFiltersChange,
}: {
  editionKey: string;
  filters: AuditFilters;
  onFiltersChange: (filters: AuditFilters) => void;
}) {
  // The cursor each visited page starts after (null for the first page).
  const [starts, setStarts] = useState<Array<string | null>>([null]);
  const after = starts[starts.length - 1] ?? null;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AuditEntriesQuery,
    variables: { filter: apiFilter(editionKey, filters), first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const [actors] = useQuery({ query: AuditActorsQuery });

  if (error && !data)
    return (
      <ErrorState message={error.message} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!data) return <Loading />;
  const connection = data.auditEntries;
  const entries: AuditEntry[] = connection.edges.map(({ node }) => ({
    id: node.id,
    at: node.at,
    actor: node.actor ? node.actor.name || node.actor.email : null,
    action: node.action,
    entityType: node.entityType,
    entityId: node.entityId,
    before: node.before,
    after: node.after,
  }));
  return (
    <AuditLog
      entries={entries}
      totalCount={connection.totalCount}
      actors={actors.data?.users ?? []}
      filters={filters}
      onFiltersChange={onFiltersChange}
      page={starts.length}
      pageSize={PAGE_SIZE}
      hasNext={connection.pageInfo.hasNextPage}
      loading={fetching}
      onNext={() => {
        const end = connection.pageInfo.endCursor;
        if (end) setStarts((s) => [...s, end]);
      }}
      onPrevious={() => setStarts((s) => (s.length > 1 ? s.slice(0, -1) : s))}
    />
  );
}
