import type { TransferProgress } from '../../api/fieldworkImport';

/** The steps of an import as the screen shows them. */
export type ImportStep = 'read' | 'upload' | 'process' | 'done';
export type StepState = 'waiting' | 'active' | 'done' | 'failed';

export interface ImportProgress {
  /** The step under way, or `done`. */
  step: ImportStep;
  /** Upload share 0–100 (null when the browser cannot tell). */
  percent: number | null;
  failed: boolean;
}

export const IDLE_PROGRESS: ImportProgress = { step: 'read', percent: null, failed: false };

/** The next progress after a transfer event. */
export function progressAfter(current: ImportProgress, event: TransferProgress): ImportProgress {
  if (event.phase === 'processing') return { ...current, step: 'process', percent: 100 };
  return {
    ...current,
    step: 'upload',
    percent: event.total > 0 ? Math.min(100, Math.round((100 * event.sent) / event.total)) : null,
  };
}

const ORDER: ImportStep[] = ['read', 'upload', 'process', 'done'];

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
