import type { WaitingBand } from '../model/channel';
import { waitingBand } from './waiting-band';

/** Points for a waiting time: its band's (waitingBand); 0 beyond the last band (max wait). */
export function waitingPoints(bands: readonly WaitingBand[], waitingTime: number): number {
  return waitingBand(bands, waitingTime)?.points ?? 0;
}

/** The most a waiting time can earn on a channel. */
export function maxWaitingPoints(bands: readonly WaitingBand[]): number {
  return bands.reduce((max, band) => Math.max(max, band.points), 0);
}
