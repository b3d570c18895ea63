import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/storage.js';
import { traceFields } from '../tracing/bus.js';

/** Who and what caused an event: kept with it for audit and tracing, never a secret. */
export interface EventMetadata {
  request_id?: string;
  actor_id?: string;
  correlation_id?: string;
  causation_id?: string;
  /**
   * The W3C trace context of the work that appended it (when tracing is on), which the
   * bus and its consumers continue: see tracing/bus.ts.
   */
  traceparent?: string;
  tracestate?: string;
}

export interface NewEvent<T = unknown> {
  type: string;
  data: T;
  schemaVersion?: number;
  metadata?: EventMetadata;
}

export interface RecordedEvent<T = unknown> {
  eventId: string;
  streamId: string;
  version: number;
  position: number;
  txId: string;
  type: string;
  schemaVersion: number;
  data: T;
  metadata: EventMetadata;
  recordedAt: Date;
}

/** Position in a log as a reader sees it: committed order, not allocation order. */
export interface Checkpoint {
  txId: string;
  position: number;
}

export const START: Checkpoint = { txId: '0', position: 0 };

/** Orders checkpoints as the log does: by transaction, then position (tx ids are 64-bit). */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const ta = BigInt(a.txId);
  const tb = BigInt(b.txId);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.position - b.position;
}

export class WrongExpectedVersion extends Error {
  override name = 'WrongExpectedVersion';
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number | undefined,
  ) {
    super(`Stream ${streamId} is at version ${actual ?? '?'}, expected ${expected}`);
  }
}

const UNIQUE_VIOLATION = '23505';

interface EventRow {
  event_id: string;
  stream_id: string;
  stream_version: number;
  position: number;
  tx_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  eventId: row.event_id,
  streamId: row.stream_id,
  version: row.stream_version,
  position: row.position,
  txId: String(row.tx_id),
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata ?? {},
  recordedAt: new Date(row.recorded_at),
});

const COLUMNS = sql`event_id, stream_id, stream_version, position, tx_id::text as tx_id, type, schema_version, data, metadata, recorded_at`;

export async function readStream(db: Db, streamId: string): Promise<RecordedEvent[]> {
  const { rows } = await sql<EventRow>`
    select ${COLUMNS} from events where stream_id = ${streamId} order by stream_version`.execute(db);
  return rows.map(toRecorded);
}

/**
 * The last event each open transaction appended with `appendToStream`, so the write that
 * waits for it (`writeThrough`) knows it without asking the database again. Keyed by the
 * transaction's handle; a transaction that also bulk-appended is left out, and is asked.
 */
const lastAppendedIn = new WeakMap<Db, Checkpoint>();

/** The last event `trx` appended, when only `appendToStream` appended to it; undefined otherwise. */
export const lastAppendedKnown = (trx: Db): Checkpoint | undefined => lastAppendedIn.get(trx);

export interface Appended {
  /** The stream's version after the append: the resource's new ETag. */
  version: number;
  events: RecordedEvent[];
}

/**
 * Appends events to a stream that must be at `expectedVersion` (0: the stream must not
 * exist yet). Call it inside the transaction that also changes anything else, so the
 * state change and its outbox entry commit together. Returns what was recorded, so a
 * command can answer from its own events without waiting for any read model. Each event's
 * metadata gets the active trace context, which its consumers continue (tracing/bus.ts).
 */
export async function appendToStream(
  db: Db,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
): Promise<Appended> {
  if (events.length === 0) {
    const actual = await streamVersion(db, streamId);
    if (actual !== expectedVersion) throw new WrongExpectedVersion(streamId, expectedVersion, actual);
  }
  const recorded: RecordedEvent[] = [];
  const trace = traceFields();
  try {
    for (const [i, event] of events.entries()) {
      // The first insert checks the stream's version in the same statement: one round
      // trip for the common write of one event. It inserts nothing when the check fails.
      const check =
        i === 0
          ? sql`where (select coalesce(max(stream_version), 0) from events where stream_id = ${streamId}) = ${expectedVersion}::int`
          : sql``;
      const inserted = await sql<EventRow>`
        insert into events (event_id, stream_id, stream_version, type, schema_version, data, metadata)
        select ${randomUUID()}::uuid, ${streamId}::text, ${expectedVersion + i + 1}::int, ${event.type}::text,
               ${event.schemaVersion ?? 1}::int, ${JSON.stringify(event.data)}::jsonb, ${JSON.stringify({ ...event.metadata, ...trace })}::jsonb
        ${check}
        returning ${COLUMNS}`.execute(db);
      if (!inserted.rows[0])
        throw new WrongExpectedVersion(streamId, expectedVersion, await streamVersion(db, streamId));
      recorded.push(toRecorded(inserted.rows[0]));
    }
  } catch (err) {
    // A concurrent writer appended the same version first: the loser of the race.
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new WrongExpectedVersion(streamId, expectedVersion, undefined);
    }
    throw err;
  }
  const last = recorded.at(-1);
  if (last) lastAppendedIn.set(db, { txId: last.txId, position: last.position });
  return { version: expectedVersion + events.length, events: recorded };
}

/** A stream's version: its newest event's, 0 when it has none. */
async function streamVersion(db: Db, streamId: string): Promise<number> {
  const { rows } = await sql<{ version: number }>`
    select coalesce(max(stream_version), 0)::int as version from events where stream_id = ${streamId}`.execute(db);
  return rows[0]?.version ?? 0;
}

/** An event from the past, brought in by an import: it keeps the time it happened. */
export interface ImportedEvent<T = unknown> extends NewEvent<T> {
  recordedAt: Date;
}

/** Rows per INSERT of an import: one statement carries them all as one JSON parameter. */
export const IMPORT_ROWS_PER_STATEMENT = 2_000;

/** An imported event an import left out, and why (a phrase for a report: "in the log already"). */
export interface SkippedImport<E extends ImportedEvent = ImportedEvent> {
  event: E;
  reason: string;
}

/** Why `appendNewStreams` with `skipExisting` leaves an event out. */
export const IN_LOG_ALREADY = 'in the log already';

/** Which of `streamIds` have at least one event in this log. */
export async function streamsInLog(db: Db, streamIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let from = 0; from < streamIds.length; from += IMPORT_ROWS_PER_STATEMENT) {
    const ids = JSON.stringify(streamIds.slice(from, from + IMPORT_ROWS_PER_STATEMENT));
    const { rows } = await sql<{ stream_id: string }>`
      select stream_id from events
      where stream_version = 1 and stream_id in (select value from json_array_elements_text(${ids}::json))`.execute(db);
    for (const row of rows) found.add(row.stream_id);
  }
  return found;
}

/**
 * Appends imported events, each the first of a stream that must not exist yet (the one
 * `streamOf` names: a function rather than a field, so a large import is not copied
 * event by event just to carry it), in bulk:
 * one INSERT … SELECT FROM json_to_recordset($1) per IMPORT_ROWS_PER_STATEMENT events,
 * which works alike on PostgreSQL and PGlite and stays far below the parameter limit.
 * What appendToStream checks one stream at a time, the `(stream_id, stream_version)`
 * key checks here for all of them: a stream that exists already fails the statement
 * with PostgreSQL's unique violation (23505), so call it inside the transaction that
 * should fail with it. Nothing is returned but what was left out: an import is too
 * large to echo back.
 *
 * With `skipExisting` (an import that may run again, `starling import`), an event whose
 * stream is in the log already, or opened by an earlier event of the same call, is left
 * out and returned instead; only a writer that opens the stream meanwhile still fails it.
 */
export async function appendNewStreams<E extends ImportedEvent>(
  db: Db,
  events: readonly E[],
  streamOf: (event: E) => string,
  options: { skipExisting?: boolean } = {},
): Promise<SkippedImport<E>[]> {
  const skipped: SkippedImport<E>[] = [];
  lastAppendedIn.delete(db);
  let fresh = events;
  if (options.skipExisting) {
    const inLog = await streamsInLog(db, events.map(streamOf));
    const opened = new Set<string>();
    fresh = events.filter((event) => {
      const stream = streamOf(event);
      if (inLog.has(stream) || opened.has(stream)) {
        skipped.push({ event, reason: IN_LOG_ALREADY });
        return false;
      }
      opened.add(stream);
      return true;
    });
  }
  for (let from = 0; from < fresh.length; from += IMPORT_ROWS_PER_STATEMENT) {
    const rows = fresh.slice(from, from + IMPORT_ROWS_PER_STATEMENT).map((e) => ({
      event_id: randomUUID(),
      stream_id: streamOf(e),
      type: e.type,
      schema_version: e.schemaVersion ?? 1,
      data: e.data,
      metadata: e.metadata ?? {},
      recorded_at: e.recordedAt.toISOString(),
    }));
    await sql`
      insert into events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
      select event_id, stream_id, 1, type, schema_version, data, metadata, recorded_at
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as r(event_id uuid, stream_id text, type text, schema_version int, data jsonb, metadata jsonb,
             recorded_at timestamptz)`.execute(db);
  }
  return skipped;
}

/**
 * The oldest transaction of this database still running (as xid8), or the next one to
 * start when none is: every event a reader may take is older than it. It is the
 * snapshot's xmin with the transactions of *other* databases left out, so a long
 * transaction elsewhere on the server (another Starling, a migration, a seed) never
 * holds this one's readers back. A running transaction is left out only when its lock
 * shows it belongs to another database; one that cannot be placed yet counts.
 */
export const readHorizon = sql<string>`(
  select coalesce(
    (select min(x) from pg_snapshot_xip(snap.s) as x
     where not exists (
       select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid
       where l.locktype = 'transactionid' and l.mode = 'ExclusiveLock' and l.granted
         and l.transactionid::text::bigint = x::text::bigint % 4294967296
         and a.datname is distinct from current_database())),
    pg_snapshot_xmax(snap.s))
  from (select pg_current_snapshot() as s) as snap)`;

/**
 * Reads committed events after a checkpoint, in commit order. Only transactions older
 * than every one of this database still running are visible (`readHorizon`), so an
 * event whose transaction allocated an early position but commits late is read after
 * it commits, never skipped.
 */
export async function readAfter(db: Db, source: string, after: Checkpoint, limit: number): Promise<RecordedEvent[]> {
  const table = sql.table(`${source}.events`);
  // Ordered by the table's xid8 column, not the `tx_id` text alias in COLUMNS, which ORDER
  // BY would otherwise pick: as text, transaction 1000 sorts before 999.
  const { rows } = await sql<EventRow>`
    select ${COLUMNS} from ${table} as e
    where (e.tx_id, e.position) > (${after.txId}::xid8, ${after.position}::bigint)
      and e.tx_id < ${readHorizon}
    order by e.tx_id, e.position
    limit ${limit}`.execute(db);
  return rows.map(toRecorded);
}

/** One event of `source`'s log, by its id. */
export async function readEvent(db: Db, source: string, eventId: string): Promise<RecordedEvent | undefined> {
  const { rows } = await sql<EventRow>`
    select ${COLUMNS} from ${sql.table(`${source}.events`)} where event_id = ${eventId}`.execute(db);
  return rows[0] && toRecorded(rows[0]);
}

export async function headPosition(db: Db, source: string): Promise<number> {
  const { rows } = await sql<{ head: number }>`
    select coalesce(max(position), 0)::bigint as head from ${sql.table(`${source}.events`)}`.execute(db);
  return Number(rows[0]?.head ?? 0);
}
