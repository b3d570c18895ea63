import { compareCheckpoints, type Checkpoint, type RecordedEvent } from '../event-store.js';

/**
 * An event as the relay publishes it: the recorded event (with only its public fields)
 * and `prev`, the checkpoint of the event published just before it on the same stream.
 * A consumer whose checkpoint is not `prev` has not yet seen an earlier event (another
 * replica holds it, or it is being redelivered) and must not apply this one yet.
 */
export interface BusMessage {
  event: Omit<RecordedEvent, 'recordedAt'> & { recordedAt: string };
  prev: Checkpoint;
}

export const encodeMessage = (event: RecordedEvent, prev: Checkpoint): string =>
  JSON.stringify({ event: { ...event, recordedAt: event.recordedAt.toISOString() }, prev } satisfies BusMessage);

export function decodeMessage(text: string): { event: RecordedEvent; prev: Checkpoint } {
  const { event, prev } = JSON.parse(text) as BusMessage;
  return { event: { ...event, recordedAt: new Date(event.recordedAt) }, prev };
}

export const checkpointOf = (event: Pick<RecordedEvent, 'txId' | 'position'>): Checkpoint => ({
  txId: event.txId,
  position: event.position,
});

export const sameCheckpoint = (a: Checkpoint, b: Checkpoint) => compareCheckpoints(a, b) === 0;
