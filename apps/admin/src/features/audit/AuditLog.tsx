import { useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { type Column, DataTable } from '../../ui/DataTable';
import { TextField } from '../../ui/Field';

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: string;
}

/** Who did what, when: every write the API made, newest first, searchable and exportable. */
export function AuditLog({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const rows = needle
    ? entries.filter((e) =>
        [e.actor, e.action, e.target, e.details].some((v) => v.toLowerCase().includes(needle)),
      )
    : entries;

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.when'), value: (e) => e.at, render: (e) => formatDateTime(e.at, locale) },
    { key: 'actor', header: t('audit.who'), value: (e) => e.actor },
    {
      key: 'action',
      header: t('audit.action'),
      value: (e) => e.action,
      render: (e) => <code>{e.action}</code>,
    },
    { key: 'target', header: t('audit.target'), value: (e) => e.target },
    { key: 'details', header: t('audit.details'), value: (e) => e.details, sortable: false },
  ];

  return (
    <div className="stack">
      <div style={{ maxWidth: 360 }}>
        <TextField
          label={t('audit.search')}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <DataTable
        caption={t('nav.audit')}
        columns={columns}
        rows={rows}
        rowKey={(e) => e.id}
        initialSort={{ key: 'at', direction: 'desc' }}
        csvFilename="audit-log.csv"
      />
    </div>
  );
}
