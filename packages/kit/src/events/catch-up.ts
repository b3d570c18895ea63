import { detached } from '../tracing/bus.js';

/**
 * Runs batches until one finds nothing to do. Calls while a run is going on join it
 * and extend it by one more full pass, so an event committed during the run is never
 * left for the next poll, and two runs never overlap. A run belongs to no caller's trace
 * (it serves whoever wakes it), so it starts outside any.
 */
export class CatchUp {
  private running: Promise<number> | undefined;
  private again = false;

  /**
   * `batch` handles what it finds and says how many it handled, and whether there may
   * be more (a batch that read less than it could have says not: the pass ends without
   * another read to find nothing, and what came meanwhile belongs to the next pass).
   */
  constructor(private readonly batch: () => Promise<number | { handled: number; more: boolean }>) {}

  run(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = detached(() => this.loop()).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Resolves once no run is going on (its failure included). */
  async idle(): Promise<void> {
    await this.running?.catch(() => {});
  }

  private async loop(): Promise<number> {
    let total = 0;
    do {
      this.again = false;
      for (;;) {
        const result = await this.batch();
        const { handled, more } = typeof result === 'number' ? { handled: result, more: result > 0 } : result;
        total += handled;
        if (handled === 0 || !more) break;
      }
    } while (this.again);
    return total;
  }
}

/**
 * Shares runs of `task` among concurrent callers. A call made while no run is going on
 * starts one; a call made during a run waits for the next run, which starts when that
 * one ends and serves every call made meanwhile. Each caller thus gets a whole run
 * begun after its call (what it asked for is covered, what it reads is at least as new
 * as the call), and fifty writers waiting for the read models cost two runs, not fifty.
 */
export class SharedRuns<T = void> {
  private current: Promise<T> | undefined;
  private next: Promise<T> | undefined;

  constructor(private readonly task: () => Promise<T>) {}

  run(): Promise<T> {
    if (!this.current) return this.start();
    this.next ??= this.current
      .catch(() => {})
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<T> {
    const run = this.task().finally(() => {
      if (this.current === run) this.current = undefined;
    });
    this.current = run;
    return run;
  }
}
