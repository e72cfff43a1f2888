import type { WaitingBand } from '../model/channel';

/**
 * The band a waiting time falls in: the first whose `upTo` is not exceeded; null beyond the last band (max wait).
 * The explanation names it; `waitingPoints` gives its points.
 */
export function waitingBand(bands: readonly WaitingBand[], waitingTime: number): WaitingBand | null {
  // A plain loop: this runs once per contact, and `find` would create a closure each time.
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] as WaitingBand;
    if (waitingTime <= band.upTo) return band;
  }
  return null;
}
