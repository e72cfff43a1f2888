import { readFileSync } from 'node:fs';

/**
 * The process's resident-set high-water mark in kB. On Linux from /proc/self/status (VmHWM): getrusage's maxRSS
 * (process.resourceUsage()) also counts the parent's resident set at the moment it spawned this process (the
 * kernel keeps the pre-exec image's peak), so a CLI started by a big test or bench process reported that
 * process's size, 100–200 MB over its own peak, in some runs and not others.
 */
function peakRssKb(): number {
  try {
    const found = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (found) return Number(found[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

/**
 * Tracks a command's peak memory: the heap sampled every 100 ms (V8 has no peak counter) and the resident set's
 * high-water mark from the OS (peakRssKb).
 */
export function trackPeakMemory() {
  const startRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 100);
  timer.unref();
  return {
    sample,
    /** Peaks in MB, and the resident set when tracking started (the runtime, Prisma and libraries loaded). */
    stop(): { rssMb: number; heapMb: number; startRssMb: number } {
      clearInterval(timer);
      sample();
      return {
        rssMb: Math.round(peakRssKb() / 1024),
        heapMb: Math.round(peakHeap / 1024 / 1024),
        startRssMb: Math.round(startRss / 1024 / 1024),
      };
    },
  };
}
