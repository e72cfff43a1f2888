import type { WaitingBand } from '../model/channel';

/**
 * The band a waiting time falls in: the first whose `upTo` is not exceeded; null beyond the last band (max wait).
 * The explanation names it; `waitingPoints` gives its points.
 */
export function waitingBand(bands: readonly WaitingBand[], waitingTime: number): WaitingBand | null {
  return bands.find((band) => waitingTime <= band.upTo) ?? null;
}
