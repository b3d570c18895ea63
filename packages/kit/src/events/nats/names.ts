/**
 * How Starling's events are laid out on NATS JetStream. One stream per source service
 * holds that service's integration events in the order its relay published them, so a
 * consumer reads one service's log in commit order. Every name starts with NATS_PREFIX,
 * so several Starlings (or test runs) can share one NATS server.
 */
const JOB_DURABLE_PREFIX = 'job--';
/** A background consumer's durable (see `Consumer.background`): a write passes it over too. */
const BACKGROUND_DURABLE_PREFIX = 'later--';

export class BusNames {
  constructor(readonly prefix: string) {}

  /** The JetStream stream holding one service's events. */
  stream(source: string): string {
    return `${this.prefix}_events_${source}`;
  }

  /** Every subject of a source's stream. */
  sourceSubjects(source: string): string {
    return `${this.prefix}.events.${source}.>`;
  }

  /** The subject one event is published on: consumers could filter by type. */
  subject(source: string, type: string): string {
    return `${this.prefix}.events.${source}.${type}`;
  }

  /** Durable consumer names allow letters, digits, `-` and `_` only. */
  durable(consumer: string): string {
    return consumer.replace(/[^A-Za-z0-9_-]/g, '_');
  }

  /**
   * A job's durable consumer: its name after JOB_DURABLE_PREFIX, which no consumer's
   * durable begins with (Starling's names have no `--`), so a write can pass jobs over.
   */
  jobDurable(job: string): string {
    return `${JOB_DURABLE_PREFIX}${this.durable(job)}`;
  }

  /** A background consumer's durable: its name after BACKGROUND_DURABLE_PREFIX (no `--` in Starling's names either). */
  backgroundDurable(consumer: string): string {
    return `${BACKGROUND_DURABLE_PREFIX}${this.durable(consumer)}`;
  }

  /** Whether a write waits for this durable consumer: not for a job's, nor a background consumer's. */
  isWaitedFor(durable: string): boolean {
    return !durable.startsWith(JOB_DURABLE_PREFIX) && !durable.startsWith(BACKGROUND_DURABLE_PREFIX);
  }

  get deadLetterStream(): string {
    return `${this.prefix}_dead_letters`;
  }

  deadLetterSubject(consumer: string): string {
    return `${this.prefix}.dead-letters.${this.durable(consumer)}`;
  }
}
