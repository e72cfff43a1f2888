import {
  type Database,
  type EvaluationImportWriter,
  findStoredContactIds,
  type ImportBatchResult,
  type ImportReferences,
  loadImportReferences,
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
  newDigest,
  readFieldworkRecords,
} from './fieldwork-records';
import { ClosedEditionImportError, SourceChangedError } from './import-errors';

export interface ImportProgress {
  /** `checking`: pass 1 reads and validates every row; `writing`: pass 2 stores them. */
  phase: 'checking' | 'writing';
  /** Rows done in this phase. */
  rows: number;
  /** Rows in the file, known once the checking pass is over (null while checking). */
  totalRows: number | null;
}

export interface ImportOptions {
  editionKey: string;
  format: ImportFormat;
  /** The file (it is read twice: check, then write). */
  source: FieldworkSource;
  /** Check only: report what would happen, write nothing. */
  dryRun?: boolean;
  /** Problems kept in the report; more are only counted. Default 1,000. */
  maxProblems?: number;
  /** Contacts per INSERT statement. Default 1,000. */
  batchSize?: number;
  /** Called every `progressEvery` rows and at the end of each phase. */
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

type Db = Pick<Database, 'prisma' | 'sql'>;

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

/**
 * Imports a field-work file (CSV or XLSX) into an edition: all rows or none.
 *
 * Pass 1 streams the file and checks every row against the edition and the database's references (the
 * domain's rowToEvaluation), keeping only the contact ids seen and the problems (at most `maxProblems`), so
 * memory stays bounded however long the file. Pass 2, only when there are no problems and it is not a dry
 * run, streams the file again and writes it in batches inside ONE transaction: contacts whose id is already
 * stored are skipped (importing a file twice stores nothing twice), and an error or a killed process leaves
 * nothing behind. The two passes' SHA-256 digests must match, else nothing is committed.
 */
export async function importEvaluations(db: Db, options: ImportOptions): Promise<ImportReport> {
  const { editionKey, format, source } = options;
  const maxProblems = options.maxProblems ?? 1_000;
  const batchSize = options.batchSize ?? 1_000;
  const every = options.progressEvery ?? 1_000;
  const progress = options.onProgress ?? (() => undefined);

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

  // Pass 1: check everything, store nothing.
  const contactRows = new Map<string, number>();
  const context = fieldworkContext(refs, contactRows);
  const firstDigest = newDigest();
  let header: string[] | null = null;
  try {
    for await (const record of readFieldworkRecords(source, format, firstDigest, options.xlsxLimits)) {
      if (header === null) {
        header = record.cells.map(normalizeHeader);
        const headerProblems = checkHeader(refs.edition, header);
        addProblems(headerProblems);
        if (headerProblems.length > 0) return report; // rows read with a wrong header only repeat the same problem
        continue;
      }
      const cellProblems: FieldworkProblem[] = [];
      const row = toRow(header, record, cellProblems);
      const result = rowToEvaluation(row, record.rowNumber, context);
      addProblems([...cellProblems, ...result.problems]);
      // Ids of rows with other problems are remembered too, so a later duplicate is still reported.
      const id = result.evaluation?.id ?? (row.contact_id ?? '').trim();
      if (id !== '' && !contactRows.has(id)) contactRows.set(ownCopy(id), record.rowNumber);
      report.rows++;
      if (report.rows % every === 0) progress({ phase: 'checking', rows: report.rows, totalRows: null });
    }
  } catch (error) {
    // A file that is not a workbook at all is the file's problem, reported like the others.
    if (!(error instanceof XlsxFormatError)) throw error;
    addProblems([
      {
        row: 1,
        column: '',
        message: error.message,
        code: error instanceof XlsxTooLargeError ? 'FILE_TOO_LARGE' : 'FILE_UNREADABLE',
        params: { detail: error.detail },
      },
    ]);
    return report;
  }
  progress({ phase: 'checking', rows: report.rows, totalRows: report.rows });
  if (header === null) {
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
  if (report.problemCount > 0) return report;

  if (report.dryRun) {
    const stored = await findStoredContactIds(db, refs.lookup.id, [...contactRows.keys()]);
    report.skipped = stored.size;
    report.inserted = report.rows - stored.size;
    return report;
  }
  contactRows.clear();

  // Pass 2: the same rows again, written in one transaction.
  const totals = await writeEvaluationImport(db, refs, async (writer) => {
    const written = await writeRows(
      writer,
      { ...options, header: header as string[], context, batchSize, every, progress },
      firstDigest.digest('hex'),
      report.rows,
    );
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
}

interface WriteOptions extends ImportOptions {
  header: string[];
  context: FieldworkContext;
  batchSize: number;
  every: number;
  progress: (progress: ImportProgress) => void;
}

async function writeRows(
  writer: EvaluationImportWriter,
  options: WriteOptions,
  expectedDigest: string,
  totalRows: number,
): Promise<ImportBatchResult> {
  const totals: ImportBatchResult = { inserted: 0, skipped: 0 };
  const digest = newDigest();
  let batch: Evaluation[] = [];
  let rows = 0;
  let headerSeen = false;
  let lastReported = 0;
  // One batch is written while the next is parsed; at most one write is in flight.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    await inFlight;
    const current = batch;
    const upTo = rows;
    batch = [];
    const write = writer.write(current).then((result) => {
      totals.inserted += result.inserted;
      totals.skipped += result.skipped;
      if (upTo - lastReported >= options.every || upTo === totalRows) {
        lastReported = upTo;
        options.progress({ phase: 'writing', rows: upTo, totalRows });
      }
    });
    // Marked handled now; the error still surfaces at the next `await inFlight`.
    write.catch(() => undefined);
    inFlight = write;
  };
  for await (const record of readFieldworkRecords(
    options.source,
    options.format,
    digest,
    options.xlsxLimits,
  )) {
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    // Pass 1 checked these bytes whole (the digests are compared below): only the row's cells are read again.
    const result = rowToEvaluation(toRow(options.header, record, []), record.rowNumber, options.context, {
      checkWhole: false,
    });
    // Pass 1 accepted this row; a problem now means the file is not what was checked.
    if (!result.evaluation) throw new SourceChangedError();
    batch.push(result.evaluation);
    rows++;
    if (batch.length >= options.batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  await inFlight;
  if (digest.digest('hex') !== expectedDigest || rows !== totalRows) throw new SourceChangedError();
  return totals;
}
