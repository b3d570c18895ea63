import type { Db } from '../db/storage.js';
import { problems } from '../http/problem.js';
import { readStream, WrongExpectedVersion, type RecordedEvent } from './event-store.js';

/** An aggregate is a fold over its stream: `evolve(state, event)` from `initial`. */
export interface Aggregate<S> {
  initial: S;
  evolve(state: S, event: RecordedEvent): S;
}

export interface Loaded<S> {
  state: S;
  /** The stream version: 0 when the stream does not exist. Also the resource's ETag. */
  version: number;
}

export async function loadAggregate<S>(db: Db, streamId: string, aggregate: Aggregate<S>): Promise<Loaded<S>> {
  const events = await readStream(db, streamId);
  let state = aggregate.initial;
  for (const event of events) state = aggregate.evolve(state, event);
  return { state, version: events.at(-1)?.version ?? 0 };
}

/**
 * Runs an idempotent command again when a concurrent writer took the stream version it
 * read: the retry loads the winner's events and decides from them. After `attempts`
 * lost races it answers 409 with `conflictDetail`.
 */
export async function retryLostRaces<T>(attempts: number, conflictDetail: string, run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof WrongExpectedVersion)) throw err;
      if (attempt >= attempts) throw problems.conflict(conflictDetail);
    }
  }
}
