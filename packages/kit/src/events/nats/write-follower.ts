import type { Logger } from 'pino';
import { compareCheckpoints, type Checkpoint } from '../event-store.js';
import type { NatsLink } from './connection.js';
import type { OutboxRelay } from './relay.js';

interface Waiter {
  mark: Checkpoint;
  /** The stream's last sequence once the relay had passed `mark`: what the consumers must acknowledge. */
  target?: number;
  deadline: number;
  done: () => void;
}

/**
 * Follows writes of one service through the bus: each waits until the relay has
 * published it and every live durable consumer of the stream has acknowledged it, or
 * until its deadline. One loop serves every write in flight, with one read of the relay's
 * checkpoint, one of the stream and one listing of its consumers per round, however many
 * writes wait: under load the round trips do not grow with the writers.
 */
export class WriteFollower {
  private readonly waiters: Waiter[] = [];
  private loop: Promise<void> | undefined;

  constructor(
    private readonly link: NatsLink,
    private readonly relay: OutboxRelay,
    private readonly log: Logger,
    /** Durable consumers run by this very process: a write here always waits for them. */
    private readonly hosted: ReadonlySet<string> = new Set(),
  ) {}

  /** Resolves once `mark` is published and acknowledged, or at `deadline`; never rejects. */
  follow(mark: Checkpoint, deadline: number): Promise<void> {
    return new Promise<void>((done) => {
      this.waiters.push({ mark, deadline, done });
      this.loop ??= this.run();
    });
  }

  /** Serves the waiters until none is left; `loop` is cleared in the very step that finds none, as in `process` of a durable consumer. */
  private async run(): Promise<void> {
    const stream = this.link.names.stream(this.relay.source);
    try {
      for (let pause = 1; this.waiters.length > 0;) {
        let progressed = false;
        try {
          // The relay is read only while some write is not yet known to be published.
          const unpublished = this.waiters.filter((w) => w.target === undefined);
          if (unpublished.length) {
            await this.relay.catchUp();
            const relayed = await this.relay.checkpoint();
            const fresh = unpublished.filter((w) => compareCheckpoints(w.mark, relayed) <= 0);
            if (fresh.length) {
              const head = (await this.link.jsm.streams.info(stream)).state.last_seq;
              for (const w of fresh) w.target = head;
            }
          }
          if (this.waiters.some((w) => w.target !== undefined)) {
            const floor = await this.liveAckFloor(stream);
            progressed = this.release((w) => w.target !== undefined && w.target <= floor);
          }
        } catch (err) {
          this.log.debug({ err }, 'could not follow writes through the bus');
        }
        this.release((w) => Date.now() >= w.deadline);
        if (this.waiters.length === 0) return;
        pause = progressed ? 1 : Math.min(pause * 2, 50);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    } finally {
      this.loop = undefined;
    }
  }

  /**
   * The lowest acknowledged sequence among the consumers that have a live puller. Jobs
   * and background consumers are left out: a write never waits for the work its events start.
   */
  private async liveAckFloor(stream: string): Promise<number> {
    let floor = Number.MAX_SAFE_INTEGER;
    for await (const c of this.link.jsm.consumers.list(stream)) {
      if (!this.link.names.isWaitedFor(c.name)) continue;
      // The server's view of a puller lapses for a moment between two pull requests, and
      // for longer when a busy process renews late; one of this process's own never does.
      const live = this.hosted.has(c.name) || c.num_waiting > 0 || c.num_ack_pending > 0;
      if (live) floor = Math.min(floor, c.ack_floor.stream_seq);
    }
    return floor;
  }

  /** Resolves and drops the waiters that `ready` picks; says whether there were any. */
  private release(ready: (w: Waiter) => boolean): boolean {
    let released = false;
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (!ready(this.waiters[i]!)) continue;
      this.waiters[i]!.done();
      this.waiters.splice(i, 1);
      released = true;
    }
    return released;
  }
}
