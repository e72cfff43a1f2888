import { type ReactNode, useMemo, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Button } from './Button';
import { downloadCsv, toCsv } from './csv';
import './DataTable.css';

export interface Column<Row> {
  key: string;
  header: string;
  /** The value used for sorting and for CSV export. */
  value: (row: Row) => string | number | null;
  /** How the cell looks; defaults to the value. */
  render?: (row: Row) => ReactNode;
  align?: 'start' | 'end';
  sortable?: boolean;
  /** Only in the CSV export, not shown (e.g. a code next to its worded message). */
  exportOnly?: boolean;
}

type Direction = 'asc' | 'desc';

interface DataTableProps<Row> {
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initialSort?: { key: string; direction: Direction };
  /** File name for "Export CSV"; no export button when absent. */
  csvFilename?: string;
  onExport?: (csv: string) => void;
  emptyText?: string;
}

/** Compares two cell values in the given direction; empty cells always go last. */
function compare(a: string | number | null, b: string | number | null, factor: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return factor * (a - b);
  return factor * String(a).localeCompare(String(b), 'nb');
}

/** A table with sortable columns (click or Enter on a header) and CSV export of the rows as currently sorted. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  csvFilename,
  onExport,
  emptyText,
}: DataTableProps<Row>) {
  const { t } = useI18n();
  const [sort, setSort] = useState(initialSort);
  const shown = useMemo(() => columns.filter((c) => !c.exportOnly), [columns]);

  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column || !sort) return rows;
    const factor = sort.direction === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => compare(column.value(a), column.value(b), factor));
  }, [rows, columns, sort]);

  const toggle = (key: string) =>
    setSort((current) =>
      current?.key === key
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: 'asc' },
    );

  const exportCsv = () => {
    const csv = toCsv(
      columns.map((c) => c.header),
      sorted.map((row) => columns.map((c) => c.value(row))),
    );
    if (onExport) onExport(csv);
    else if (csvFilename) downloadCsv(csvFilename, csv);
  };

  return (
    <div className="table-wrap">
      {(csvFilename || onExport) && (
        <div className="table-toolbar">
          <span className="muted">{t('table.rowCount', { count: rows.length })}</span>
          <Button size="sm" onClick={exportCsv}>
            {t('table.exportCsv')}
          </Button>
        </div>
      )}
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {shown.map((column) => {
                const direction = sort?.key === column.key ? sort.direction : undefined;
                const ariaSort =
                  direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={column.sortable === false ? undefined : ariaSort}
                    className={column.align === 'end' ? 'align-end' : undefined}
                  >
                    {column.sortable === false ? (
                      column.header
                    ) : (
                      <button type="button" className="sort-button" onClick={() => toggle(column.key)}>
                        {column.header}
                        <span className="sort-indicator" aria-hidden="true">
                          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.length === 0 ? (
              <tr>
                <td colSpan={shown.length} className="table-empty">
                  {emptyText ?? t('table.empty')}
                </td>
              </tr>
            ) : (
              sorted.map((row) => (
                <tr key={rowKey(row)}>
                  {shown.map((column) => (
                    <td key={column.key} className={column.align === 'end' ? 'align-end' : undefined}>
                      {column.render ? column.render(row) : column.value(row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
