/**
 * Progress on stderr: a bar redrawn in place with `\r` when stderr is a terminal, and
 * otherwise a plain line every tenth of the way (logs and CI keep no control codes).
 */
export class Progress {
  private readonly tty: boolean;
  private lastDraw = 0;
  private lastTenth = -1;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private total: number,
    private readonly unit: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  /** The total may be known only roughly at first (events still to be generated). */
  retotal(total: number): void {
    this.total = total;
  }

  update(done: number, force = false): void {
    const share = this.total > 0 ? Math.min(1, done / this.total) : 1;
    if (this.tty) {
      const now = Date.now();
      if (!force && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      const width = 28;
      const filled = Math.round(share * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      this.out.write(
        `\r${this.label.padEnd(22)} ${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${fmt(done)}/${fmt(this.total)} ${this.unit}\u001b[K`,
      );
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > this.lastTenth && (tenth > 0 || done === this.total)) {
      this.lastTenth = tenth;
      this.out.write(`${this.label}: ${tenth * 10}% (${fmt(done)}/${fmt(this.total)} ${this.unit})\n`);
    }
  }

  /** A line of its own about what is holding things up. */
  note(text: string): void {
    this.out.write(`${this.tty ? '\r\u001b[K' : ''}${this.label}: ${text}\n`);
    this.lastDraw = 0;
  }

  /** Draws the final state and ends the line; returns the seconds it took. */
  finish(done: number): number {
    this.total = Math.max(this.total, done);
    this.update(done, true);
    const seconds = (Date.now() - this.started) / 1000;
    if (this.tty) this.out.write(`  ${seconds.toFixed(1)} s\n`);
    return seconds;
  }
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
