import type { TransferProgress } from '../../api/fieldworkImport';

/** The steps of an import as the screen shows them: the browser's, then the server's (polled), then done. */
export type ImportStep = 'read' | 'upload' | 'check' | 'write' | 'done';
export type StepState = 'waiting' | 'active' | 'done' | 'failed';

/** What `evaluationImportProgress` says while the server works. */
export interface ServerProgress {
  phase: string;
  rows: number;
  totalRows?: number | null;
}

export interface ImportProgress {
  /** The step under way, or `done`. */
  step: ImportStep;
  /** Upload share 0–100 (null when the browser cannot tell). */
  percent: number | null;
  /** Rows the server has done in its step, and of how many (once known). */
  rows: number | null;
  totalRows: number | null;
  failed: boolean;
}

export const IDLE_PROGRESS: ImportProgress = {
  step: 'read',
  percent: null,
  rows: null,
  totalRows: null,
  failed: false,
};

/** The next progress after a transfer event: uploading, then the server checking (until it says more). */
export function progressAfter(current: ImportProgress, event: TransferProgress): ImportProgress {
  if (event.phase === 'processing')
    return current.step === 'check' || current.step === 'write'
      ? current
      : { ...current, step: 'check', percent: 100 };
  return {
    ...current,
    step: 'upload',
    percent: event.total > 0 ? Math.min(100, Math.round((100 * event.sent) / event.total)) : null,
  };
}

/** The next progress after a poll of the server's progress (ignored once the import is done or failed). */
export function progressFromServer(
  current: ImportProgress,
  server: ServerProgress | null | undefined,
): ImportProgress {
  if (!server || current.step === 'done' || current.failed || current.step === 'read') return current;
  const step = server.phase === 'writing' ? 'write' : 'check';
  return { ...current, step, percent: 100, rows: server.rows, totalRows: server.totalRows ?? null };
}

const ORDER: ImportStep[] = ['read', 'upload', 'check', 'write', 'done'];

/** Each step's state for the step list. */
export function stepStates(progress: ImportProgress): Array<[ImportStep, StepState]> {
  const at = ORDER.indexOf(progress.step);
  return ORDER.map((step, index) => [
    step,
    index < at || (step === 'done' && progress.step === 'done')
      ? 'done'
      : index === at
        ? progress.failed
          ? 'failed'
          : 'active'
        : 'waiting',
  ]);
}
