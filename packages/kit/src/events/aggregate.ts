import type { Db } from '../db/storage.js';
import { readStream, type RecordedEvent } from './event-store.js';

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
