/**
 * Tracks a command's peak memory: the heap sampled every 100 ms (V8 has no peak counter) and the resident set's
 * high-water mark from the OS (process.resourceUsage().maxRSS).
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
        rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        heapMb: Math.round(peakHeap / 1024 / 1024),
        startRssMb: Math.round(startRss / 1024 / 1024),
      };
    },
  };
}
