import {
  type Database,
  type EvaluationImportWriter,
  findStoredContactIds,
  type ImportBatchResult,
  type ImportReferences,
  loadImportReferences,
  type PreparedEvaluation,
  webhookEvent,
  writeEvaluationImport,
} from '@ksp/db';
import {
  checkHeader,
  type Evaluation,
  type FieldworkContext,
  type FieldworkProblem,
  type FieldworkRow,
  normalizeHeader,
  rowToEvaluation,
} from '@ksp/domain';
import { XlsxFormatError } from '../xlsx/xlsx-format-error';
import { type XlsxLimits, XlsxTooLargeError } from '../xlsx/xlsx-limits';
import {
  type FieldworkRecord,
  type FieldworkSource,
  type ImportFormat,
  readFieldworkRecords,
} from './fieldwork-records';
import { ClosedEditionImportError } from './import-errors';

export interface ImportProgress {
  /**
   * `checking`: a dry run's rows read and checked; `writing`: an import's rows checked and written so far
   * (uncommitted until the end: one transaction).
   */
  phase: 'checking' | 'writing';
  /** Rows done. */
  rows: number;
  /** Rows in the file, known once it is read (null before). */
  totalRows: number | null;
}

export interface ImportOptions {
  editionKey: string;
  format: ImportFormat;
  /** The file (read once). */
  source: FieldworkSource;
  /** Check only: report what would happen, write nothing. */
  dryRun?: boolean;
  /** Problems kept in the report; more are only counted. Default 1,000. */
  maxProblems?: number;
  /** Contacts per written batch (one COPY and one statement). Default: 4,000 on PostgreSQL, 1,000 on PGlite. */
  batchSize?: number;
  /** Called every `progressEvery` rows of a dry run, after each written batch of an import, and at the end. */
  onProgress?: (progress: ImportProgress) => void;
  progressEvery?: number;
  /** How much an XLSX file may unpack to (a zip bomb is refused); default DEFAULT_XLSX_LIMITS or the environment's. */
  xlsxLimits?: Partial<XlsxLimits>;
}

export interface ImportReport {
  editionKey: string;
  format: ImportFormat;
  dryRun: boolean;
  /** Contact rows in the file (blank rows not counted). */
  rows: number;
  /** Problems found, in file order, at most `maxProblems`. */
  problems: FieldworkProblem[];
  /** All problems found, including those left out of `problems`. */
  problemCount: number;
  /** True when `problems` was cut at `maxProblems`. */
  truncated: boolean;
  /** Contacts stored (in a dry run: that would be stored). 0 when there are problems. */
  inserted: number;
  /** Contacts whose id the edition already holds: skipped (in a dry run: would be skipped). */
  skipped: number;
  /** Whether anything was written: false on problems and in dry runs. */
  written: boolean;
}

type Db = Pick<Database, 'prisma' | 'sql' | 'kind'>;

/**
 * A copy of a string that does not share memory with the text it was cut from. Parsers hand out cells as
 * slices of their input chunks; keeping 100,000 contact ids as slices would keep every chunk alive.
 */
const ownCopy = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

function fieldworkContext(refs: ImportReferences, contactRows: Map<string, number>): FieldworkContext {
  return { edition: refs.edition, references: refs.references, contactRows };
}

/** Header cells → the row object rowToEvaluation reads; a value under a column without a name is a problem. */
function toRow(
  header: readonly string[],
  record: FieldworkRecord,
  problems: FieldworkProblem[],
): FieldworkRow {
  const row: Record<string, string> = {};
  record.cells.forEach((text, i) => {
    const name = header[i];
    if (name) row[name] = text;
    else if (text.trim() !== '')
      problems.push({
        row: record.rowNumber,
        column: `#${i + 1}`,
        message: `cell ${i + 1} has a value but its column has no header`,
        code: 'CELL_WITHOUT_HEADER',
        params: { cell: i + 1 },
      });
  });
  return row;
}

/** Thrown inside the import's transaction when a row has a problem: rolls back what was written so far. */
class RowsRejected extends Error {}

/**
 * Imports a field-work file (CSV or XLSX) into an edition: all rows or none, in ONE pass over the file.
 *
 * Every row is checked against the edition and the database's references (the domain's rowToEvaluation),
 * keeping only the contact ids seen and the problems (at most `maxProblems`), so memory stays bounded however
 * long the file. An import writes the checked rows as it goes, in batches inside ONE transaction (COPY into
 * staging tables, then one statement per batch; see insertEvaluationRows), the next batch checked while the last
 * is written; the first problem stops the writing, the rest of the file is still checked so that every problem
 * is reported, and the transaction is rolled back: nothing is stored. Contacts whose id is already stored are
 * skipped (importing a file twice stores nothing twice); an error or a killed process leaves nothing behind. A
 * dry run checks only.
 */
export async function importEvaluations(db: Db, options: ImportOptions): Promise<ImportReport> {
  const { editionKey, format, source } = options;
  const maxProblems = options.maxProblems ?? 1_000;
  const refs = await loadImportReferences(db, editionKey);
  if (refs.status === 'closed') throw new ClosedEditionImportError(editionKey);

  const report: ImportReport = {
    editionKey,
    format,
    dryRun: options.dryRun ?? false,
    rows: 0,
    problems: [],
    problemCount: 0,
    truncated: false,
    inserted: 0,
    skipped: 0,
    written: false,
  };
  const addProblems = (found: readonly FieldworkProblem[]) => {
    report.problemCount += found.length;
    for (const problem of found) {
      if (report.problems.length < maxProblems) report.problems.push(problem);
      else report.truncated = true;
    }
  };
  const fileProblem = (error: XlsxFormatError) =>
    addProblems([
      {
        row: 1,
        column: '',
        message: error.message,
        code: error instanceof XlsxTooLargeError ? 'FILE_TOO_LARGE' : 'FILE_UNREADABLE',
        params: { detail: error.detail },
      },
    ]);

  const records = readFieldworkRecords(source, format, options.xlsxLimits);
  let header: string[];
  try {
    const first = await records.next();
    if (first.done) {
      addProblems([
        {
          row: 1,
          column: '',
          message: 'the file is empty: it needs a header row and contact rows',
          code: 'FILE_EMPTY',
        },
      ]);
      return report;
    }
    header = first.value.cells.map(normalizeHeader);
  } catch (error) {
    // A file that is not a workbook at all is the file's problem, reported like the others.
    if (!(error instanceof XlsxFormatError)) throw error;
    fileProblem(error);
    return report;
  }
  const headerProblems = checkHeader(refs.edition, header);
  addProblems(headerProblems);
  if (headerProblems.length > 0) {
    await records.return(undefined);
    return report; // rows read with a wrong header only repeat the same problem
  }

  const pass = { refs, records, header, report, addProblems, options };
  try {
    if (report.dryRun) {
      const { contactIds } = await checkRows(pass, null);
      if (report.problemCount === 0) {
        const stored = await findStoredContactIds(db, refs.lookup.id, contactIds);
        report.skipped = stored.size;
        report.inserted = report.rows - stored.size;
      }
      return report;
    }
    const totals = await writeEvaluationImport(db, refs, async (writer) => {
      const { totals: written } = await checkRows(pass, writer);
      if (report.problemCount > 0) throw new RowsRejected();
      // One webhook event per import that stored something, committed with the rows.
      if (written.inserted > 0)
        await writer.emit(
          webhookEvent(
            'evaluationImported',
            { editionKey: refs.edition.key, ...written, rows: report.rows },
            null,
          ),
        );
      return written;
    });
    report.inserted = totals.inserted;
    report.skipped = totals.skipped;
    report.written = true;
    return report;
  } catch (error) {
    if (error instanceof RowsRejected) return report;
    if (!(error instanceof XlsxFormatError)) throw error;
    fileProblem(error);
    return report;
  }
}

interface Pass {
  refs: ImportReferences;
  records: AsyncGenerator<FieldworkRecord>;
  header: string[];
  report: ImportReport;
  addProblems: (found: readonly FieldworkProblem[]) => void;
  options: ImportOptions;
}

interface PassResult {
  /** The contact ids of the file (a dry run asks which are stored). */
  contactIds: string[];
  /** What the writer stored and skipped (0 without a writer). */
  totals: ImportBatchResult;
}

/**
 * Reads and checks the rows after the header; with a writer, writes the checked rows in batches (one batch in
 * flight while the next is checked) until a row has a problem.
 */
async function checkRows(pass: Pass, writer: EvaluationImportWriter | null): Promise<PassResult> {
  const { report, options } = pass;
  const batchSize = options.batchSize ?? writer?.batchSize ?? 1_000;
  const every = options.progressEvery ?? 1_000;
  const progress = options.onProgress ?? (() => undefined);
  const contactRows = new Map<string, number>();
  const context = fieldworkContext(pass.refs, contactRows);
  const totals: ImportBatchResult = { inserted: 0, skipped: 0 };
  let batch: PreparedEvaluation[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    await inFlight;
    const current = batch;
    batch = [];
    if (!writer || current.length === 0) return;
    const write = writer.write(current).then((result) => {
      totals.inserted += result.inserted;
      totals.skipped += result.skipped;
      // An import's progress is what is written (uncommitted until the end).
      progress({ phase: 'writing', rows: totals.inserted + totals.skipped, totalRows: null });
    });
    // Marked handled now; the error still surfaces at the next `await inFlight`.
    write.catch(() => undefined);
    inFlight = write;
  };
  for await (const record of pass.records) {
    const cellProblems: FieldworkProblem[] = [];
    const row = toRow(pass.header, record, cellProblems);
    const result = rowToEvaluation(row, record.rowNumber, context);
    pass.addProblems([...cellProblems, ...result.problems]);
    // Ids of rows with other problems are remembered too, so a later duplicate is still reported.
    const id = result.evaluation?.id ?? (row.contact_id ?? '').trim();
    if (id !== '' && !contactRows.has(id)) contactRows.set(ownCopy(id), record.rowNumber);
    report.rows++;
    // Written only while every row so far is right: after a problem the rest is only checked.
    if (writer && report.problemCount === 0 && result.evaluation) {
      batch.push(writer.prepare(result.evaluation));
      if (batch.length >= batchSize) await flush();
    }
    if (!writer && report.rows % every === 0)
      progress({ phase: 'checking', rows: report.rows, totalRows: null });
  }
  if (!writer) progress({ phase: 'checking', rows: report.rows, totalRows: report.rows });
  else if (report.problemCount === 0) {
    await flush();
    await inFlight;
    progress({ phase: 'writing', rows: report.rows, totalRows: report.rows });
  }
  await inFlight;
  return { contactIds: writer ? [] : [...contactRows.keys()], totals };
}
