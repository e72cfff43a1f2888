import type { WaitingBand } from '../model/channel';

/** Points for a waiting time: the first band whose `upTo` is not exceeded; 0 beyond the last band (max wait). */
export function waitingPoints(bands: readonly WaitingBand[], waitingTime: number): number {
  for (const band of bands) {
    if (waitingTime <= band.upTo) return band.points;
  }
  return 0;
}

/** The most a waiting time can earn on a channel. */
export function maxWaitingPoints(bands: readonly WaitingBand[]): number {
  return bands.reduce((max, band) => Math.max(max, band.points), 0);
}
