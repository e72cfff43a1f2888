/**
 * How much of an explanation tree one answer holds (issue 16: no 1 MB answers). A company's whole tree is about
 * 1,500 rows (25 contacts × ~60: company → channel → contact → area → performance → question), over 1 MB with
 * every field. One answer holds a row and whole levels below it, as many levels as fit in
 * EXPLANATION_SLICE_MAX_ROWS rows (but always the row's children); a client opens a deeper row by asking for
 * the rows below it. Whole levels, so that a slice never shows some of a row's children and not the others.
 */
export const EXPLANATION_SLICE_MAX_ROWS = 120;

/** Levels below the root of the deepest explanation (company → … → question). */
export const EXPLANATION_MAX_DEPTH = 5;

/** A row of an explanation tree as far as slicing goes. */
export interface SliceableRow<T> {
  id: string;
  children: readonly T[];
}

export interface ExplanationSliceOptions {
  /** A row's id: the slice is the rows below it (not the row itself); absent: the root and the rows below it. */
  under?: string | null;
  /** Levels below the starting row at most (1 = its children); absent: as many as fit. */
  depth?: number | null;
  /** Rows in the slice at most (but always the starting row's children); default EXPLANATION_SLICE_MAX_ROWS. */
  maxRows?: number;
}

/**
 * The rows of one answer in pre-order (parents before children), or null when `under` is not a row of the tree.
 * Rows whose children are left out keep them (`children`): the client sees there is more to ask for.
 */
export function explanationSlice<T extends SliceableRow<T>>(
  root: T,
  { under = null, depth = null, maxRows = EXPLANATION_SLICE_MAX_ROWS }: ExplanationSliceOptions = {},
): T[] | null {
  const start = under === null ? root : findRow(root, under);
  if (!start) return null;
  const wanted = Math.max(1, Math.min(depth ?? EXPLANATION_MAX_DEPTH, EXPLANATION_MAX_DEPTH));
  let rows = under === null ? 1 : 0;
  let levels = 0;
  let level: readonly T[] = [start];
  while (levels < wanted) {
    const next = level.flatMap((row) => row.children);
    if (next.length === 0 || (levels > 0 && rows + next.length > maxRows)) break;
    rows += next.length;
    levels++;
    level = next;
  }
  const out: T[] = [];
  const visit = (row: T, below: number) => {
    out.push(row);
    if (below < levels) for (const child of row.children) visit(child, below + 1);
  };
  if (under === null) visit(start, 0);
  else for (const child of start.children) visit(child, 1);
  return out;
}

function findRow<T extends SliceableRow<T>>(row: T, id: string): T | null {
  if (row.id === id) return row;
  for (const child of row.children) {
    const found = findRow(child, id);
    if (found) return found;
  }
  return null;
}
