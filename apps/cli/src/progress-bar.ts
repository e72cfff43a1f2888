/**
 * Progress on stderr: a redrawn bar on a terminal, one line per update otherwise (logs, CI, a parent process
 * reading it), so it never mixes with data written to stdout.
 */
export class ProgressBar {
  private readonly started = performance.now();
  private lastLine = '';
  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly width = 30,
  ) {}

  update(label: string, done: number, total: number | null): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const count = `${done.toLocaleString('en')}${total === null ? '' : `/${total.toLocaleString('en')}`} rows`;
    let line: string;
    if (total !== null && total > 0) {
      const share = Math.min(1, done / total);
      const filled = Math.round(share * this.width);
      line = `${label.padEnd(9)} [${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${count}`;
    } else {
      line = `${label.padEnd(9)} ${count}`;
    }
    line += ` (${rate.toLocaleString('en')} rows/s)`;
    if (line === this.lastLine) return;
    this.lastLine = line;
    if (this.out.isTTY) this.out.write(`\r\x1b[2K${line}`);
    else this.out.write(`${line}\n`);
  }

  /** Ends the bar's line on a terminal. */
  done(): void {
    if (this.out.isTTY && this.lastLine) this.out.write('\n');
    this.lastLine = '';
  }
}
