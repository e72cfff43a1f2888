import { Fragment, useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { EmptyState } from '../../ui/StateViews';
import { jsonDiff } from './jsonDiff';
import './AuditLog.css';

export interface AuditEntry {
  id: string;
  at: string;
  /** Who made the change; null for scripts or a deleted user. */
  actor: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilters {
  entityType: string;
  action: string;
  actorId: string;
  /** Dates as `yyyy-mm-dd` (from inclusive, to inclusive), empty for open. */
  from: string;
  to: string;
}

export const noAuditFilters: AuditFilters = { entityType: '', action: '', actorId: '', from: '', to: '' };

/** Kinds of records the API audits in an edition. */
const ENTITY_TYPES = [
  'Edition',
  'ChannelRule',
  'Area',
  'Performance',
  'Question',
  'AnswerOption',
  'CompanyParticipation',
  'RolePlay',
] as const;

interface AuditLogProps {
  entries: readonly AuditEntry[];
  totalCount: number;
  actors: ReadonlyArray<{ id: string; name: string }>;
  filters: AuditFilters;
  onFiltersChange: (filters: AuditFilters) => void;
  /** 1-based page number. */
  page: number;
  pageSize: number;
  hasNext: boolean;
  onNext: () => void;
  onPrevious: () => void;
  loading?: boolean;
}

/** Who changed what, when: a page of audit entries with filters, and each entry's before/after on demand. */
export function AuditLog({
  entries,
  totalCount,
  actors,
  filters,
  onFiltersChange,
  page,
  pageSize,
  hasNext,
  onNext,
  onPrevious,
  loading,
}: AuditLogProps) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState(filters);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const set = (patch: Partial<AuditFilters>) => setForm((f) => ({ ...f, ...patch }));
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));

  return (
    <div className="stack audit">
      <form
        className="audit-filters"
        aria-label={t('audit.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          onFiltersChange(form);
        }}
      >
        <SelectField
          label={t('audit.entityType')}
          value={form.entityType}
          options={[
            { value: '', label: t('audit.any') },
            ...ENTITY_TYPES.map((type) => ({ value: type, label: type })),
          ]}
          onChange={(event) => set({ entityType: event.target.value })}
        />
        <TextField
          label={t('audit.action')}
          placeholder="performance.update"
          value={form.action}
          onChange={(event) => set({ action: event.target.value.trim() })}
        />
        <SelectField
          label={t('audit.who')}
          value={form.actorId}
          options={[
            { value: '', label: t('audit.anyone') },
            ...actors.map((a) => ({ value: a.id, label: a.name })),
          ]}
          onChange={(event) => set({ actorId: event.target.value })}
        />
        <TextField
          label={t('audit.from')}
          type="date"
          value={form.from}
          onChange={(event) => set({ from: event.target.value })}
        />
        <TextField
          label={t('audit.to')}
          type="date"
          value={form.to}
          onChange={(event) => set({ to: event.target.value })}
        />
        <div className="audit-filter-actions">
          <Button type="submit" variant="primary">
            {t('audit.apply')}
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              setForm(noAuditFilters);
              onFiltersChange(noAuditFilters);
            }}
          >
            {t('audit.reset')}
          </Button>
        </div>
      </form>

      {entries.length === 0 && !loading ? (
        <EmptyState title={t('audit.empty')} />
      ) : (
        <div className="table-scroll">
          <table className="audit-table" aria-busy={loading || undefined}>
            <caption className="visually-hidden">{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('audit.details')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const isOpen = open.has(entry.id);
                const changes = isOpen ? jsonDiff(entry.before, entry.after) : [];
                return (
                  <Fragment key={entry.id}>
                    <tr>
                      <td className="nowrap">{formatDateTime(entry.at, locale)}</td>
                      <td>{entry.actor ?? t('audit.system')}</td>
                      <td>
                        <code>{entry.action}</code>
                      </td>
                      <td>
                        <span className="muted">{entry.entityType}</span> <code>{entry.entityId}</code>
                      </td>
                      <td className="align-end">
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-expanded={isOpen}
                          aria-controls={`audit-${entry.id}`}
                          onClick={() => toggle(entry.id)}
                        >
                          {isOpen ? t('audit.hideChanges') : t('audit.showChanges')}
                        </Button>
                      </td>
                    </tr>
                    {isOpen && (
                      <tr id={`audit-${entry.id}`} className="audit-detail">
                        <td colSpan={5}>
                          {changes.length === 0 ? (
                            <p className="muted">{t('audit.noFieldChanges')}</p>
                          ) : (
                            <table className="audit-diff">
                              <caption className="visually-hidden">
                                {t('audit.diffCaption', { item: entry.entityId })}
                              </caption>
                              <thead>
                                <tr>
                                  <th scope="col">{t('audit.field')}</th>
                                  <th scope="col">{t('audit.before')}</th>
                                  <th scope="col">{t('audit.after')}</th>
                                </tr>
                              </thead>
                              <tbody>
                                {changes.map((change) => (
                                  <tr key={change.path}>
                                    <th scope="row">
                                      <code>{change.path}</code>
                                    </th>
                                    <td className="diff-before">{change.before ?? '—'}</td>
                                    <td className="diff-after">{change.after ?? '—'}</td>
                                  </tr>
                                ))}
                              </tbody>
                            </table>
                          )}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <nav className="audit-pages" aria-label={t('audit.pages')}>
        <Button size="sm" disabled={page <= 1 || loading} onClick={onPrevious}>
          ← {t('audit.previous')}
        </Button>
        <span aria-live="polite">{t('audit.pageOf', { page, pages, total: totalCount })}</span>
        <Button size="sm" disabled={!hasNext || loading} onClick={onNext}>
          {t('audit.next')} →
        </Button>
      </nav>
    </div>
  );
}
