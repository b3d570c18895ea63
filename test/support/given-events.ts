import type { FastifyRequest } from 'fastify';
import { expect } from 'vitest';
import {
  HttpProblem,
  ifMatch,
  problemOfRefusal,
  Refusal,
  type Aggregate,
  type Caller,
  type Loaded,
  type NewEvent,
  type RecordedEvent,
} from '@starling/kit';

/**
 * Domain rules in the given-events / when-command / then-events style, with no database:
 *
 *   given(tweet, tweetStream(id), [newEvent(TweetPosted, …)])
 *     .when(({ state }) => decide(state))
 *     .then([{ type: 'TweetDeleted', data: { … } }]);
 *
 * The past events are recorded as the event store would record them (versions 1…n in
 * order) and folded from the aggregate's `initial` as `loadAggregate` does, so the
 * decision sees the state and version a command would. The decision returns the events
 * to append (none when there is nothing to do) or throws its refusal.
 */

/** A past event as a test states it: what `newEvent` returns, and when it happened if that matters. */
export type PastEvent = NewEvent & { recordedAt?: Date };

/** What a test expects appended: the event's type and payload (matchers allowed, e.g. `expect.any(String)`). */
export interface ExpectedEvent {
  type: string;
  data: unknown;
}

let positions = 0;

/** The stream as `readStream` returns it: versions from `after + 1`, in the order given. */
export function recorded(streamId: string, events: readonly PastEvent[], after = 0): RecordedEvent[] {
  return events.map((event, i) => ({
    eventId: `event-${++positions}`,
    streamId,
    version: after + i + 1,
    position: positions,
    txId: String(positions),
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    data: event.data,
    metadata: event.metadata ?? {},
    recordedAt: event.recordedAt ?? new Date(),
  }));
}

/** `loadAggregate` without the database: the fold from `initial`, and the last version (0 for no stream). */
export function fold<S>(aggregate: Aggregate<S>, events: readonly RecordedEvent[]): Loaded<S> {
  return { state: events.reduce(aggregate.evolve, aggregate.initial), version: events.at(-1)?.version ?? 0 };
}

export type Decision<S> = (loaded: Loaded<S>) => readonly NewEvent[] | void;

export interface Then<S> {
  /** Asserts exactly these events, in order; answers the stream as it stands once they are appended. */
  then(expected: readonly ExpectedEvent[]): Loaded<S> & { appended: RecordedEvent[] };
  /** Asserts the decision appends nothing (the stream is already as wanted). */
  thenNothing(): void;
  /** Asserts a refusal: an HTTP problem with this status (and a detail matching `detail`), nothing appended. */
  thenRefused(status: number, detail?: RegExp): HttpProblem;
}

export interface Given<S> extends Loaded<S> {
  history: RecordedEvent[];
  when(decide: Decision<S>): Then<S>;
}

export function given<S>(aggregate: Aggregate<S>, streamId: string, past: readonly PastEvent[] = []): Given<S> {
  const history = recorded(streamId, past);
  const loaded = fold(aggregate, history);
  return {
    ...loaded,
    history,
    when(decide) {
      let events: readonly NewEvent[] = [];
      let refusal: unknown;
      let refused = false;
      try {
        events = decide(loaded) ?? [];
      } catch (err) {
        refused = true;
        refusal = err;
      }
      const decided = () => {
        if (refused) throw new Error(`expected events, but the decision refused: ${String(refusal)}`);
        return events.map(({ type, data }) => ({ type, data }));
      };
      return {
        then(expected) {
          expect(decided()).toEqual(expected);
          // Appended after what the decision read, as `appendToStream(trx, stream, version, …)` does.
          const appended = recorded(streamId, events, loaded.version);
          return { ...fold(aggregate, [...history, ...appended]), appended };
        },
        thenNothing() {
          expect(decided()).toEqual([]);
        },
        thenRefused(status, detail) {
          if (!refused)
            throw new Error(`expected a ${status} refusal, but the decision appended ${events.length} event(s)`);
          // A command refuses in the domain's words; the API answers with this problem.
          const problem = refusal instanceof Refusal ? problemOfRefusal(refusal) : refusal;
          expect(problem).toBeInstanceOf(HttpProblem);
          if (!(problem instanceof HttpProblem)) throw refusal;
          expect(problem.status).toBe(status);
          if (detail) expect(problem.detail).toMatch(detail);
          return problem;
        },
      };
    },
  };
}

/** A request carrying only the headers a command reads (`If-Match` for `checkIfMatch`). */
export const requestWith = (headers: Record<string, string> = {}) =>
  ({ id: 'req-test', headers }) as unknown as FastifyRequest;

/** The versions an `If-Match` header value names, as the handlers read them for commands. */
export const expectedOf = (header?: string) => ifMatch(requestWith(header === undefined ? {} : { 'if-match': header }));

/** Someone signed in, as a command sees them: `username` defaults to the id. */
export const callerOf = (userId: string, role: Caller['role'] = 'user', username = userId): Caller => ({
  userId,
  username,
  role,
  sessionId: 's',
  via: 'bearer',
  expiresAt: Date.now() + 60_000,
});
