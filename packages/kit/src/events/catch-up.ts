/**
 * Runs batches until one finds nothing to do. Calls while a run is going on join it
 * and extend it by one more full pass, so an event committed during the run is never
 * left for the next poll, and two runs never overlap.
 */
export class CatchUp {
  private running: Promise<number> | undefined;
  private again = false;

  /** `batch` handles what it finds and says how many it handled. */
  constructor(private readonly batch: () => Promise<number>) {}

  run(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
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
        const n = await this.batch();
        total += n;
        if (n === 0) break;
      }
    } while (this.again);
    return total;
  }
}
