import { appendToStream, loadAggregate, retryLostRaces, type Caller, type Db } from '@starling/kit';
import type { MarkerTimeline } from '@starling/events';
import { decideMarker, marker, markerStream } from '../domain/marker.js';

/** Two clients of one user saving at once: the loser reads the winner's marker and decides again. */
const ATTEMPTS = 3;

/** Sets the caller's markers, each timeline in its own stream, all in one transaction. */
export async function setMarkers(
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  caller: Caller,
  wanted: Partial<Record<MarkerTimeline, string>>,
  requestId: string,
): Promise<void> {
  await retryLostRaces(ATTEMPTS, 'The markers are changing concurrently; try again.', () =>
    write(async (trx) => {
      for (const [timeline, lastReadId] of Object.entries(wanted) as Array<[MarkerTimeline, string]>) {
        const stream = markerStream(caller.userId, timeline);
        const { state, version } = await loadAggregate(trx, stream, marker);
        const events = decideMarker(state, caller.userId, timeline, lastReadId);
        if (events.length === 0) continue;
        const metadata = { actor_id: caller.userId, request_id: requestId };
        await appendToStream(
          trx,
          stream,
          version,
          events.map((e) => ({ ...e, metadata })),
        );
      }
    }),
  );
}
