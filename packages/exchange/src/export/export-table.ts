/**
 * A table ready to be written as a CSV file or an XLSX sheet: presentation only. Every number in it
 * comes from the domain's results; the writers decide how a `format` looks in each file type.
 */
export interface ExportTable {
  /** Sheet name (≤ 31 characters, Excel's limit) and the CSV file's view name. */
  name: string;
  columns: ExportColumn[];
  rows: ExportRow[];
  /** A cell's own format where a column mixes kinds of figures (the participant report's rows); default the column's. */
  cellFormat?: (row: ExportRow, column: ExportColumn) => ColumnFormat;
}

/**
 * - `score`: 0–100 (percent points), written as-is to CSV and as a fraction with `0.0 %` to XLSX.
 * - `delta`: a difference of scores in percent points.
 * - `mean`: a CX mean (CSAT 1–5, CES/VES 1–7); `nps`: −100…100; `integer`: counts and positions.
 */
export type ColumnFormat = 'text' | 'integer' | 'score' | 'delta' | 'mean' | 'nps' | 'boolean';

export interface ExportColumn {
  /** A stable machine key (`total`, `area.agent`, `channel.phone`, `cx.NPS` …), the same in every locale. */
  key: string;
  /** The header people read, in the chosen locale. */
  header: string;
  format: ColumnFormat;
}

export type ExportValue = string | number | boolean | null;
export type ExportRow = Record<string, ExportValue>;
