import { sql } from 'kysely';
import type { Db } from '../db/storage.js';
import { START, type Checkpoint } from './event-store.js';

/**
 * Reads and locks a consumer's (or job's) checkpoint row for the rest of `trx`, creating
 * it at the start of the log: whoever holds it is the only one moving that checkpoint.
 */
export async function lockCheckpoint(trx: Db, name: string): Promise<Checkpoint> {
  const select = () =>
    sql<{ tx_id: string; position: number }>`
      select tx_id::text as tx_id, position from consumer_checkpoints where consumer = ${name} for update`.execute(trx);
  let { rows } = await select();
  if (!rows[0]) {
    await sql`insert into consumer_checkpoints (consumer, tx_id, position)
              values (${name}, '0', 0) on conflict do nothing`.execute(trx);
    ({ rows } = await select());
  }
  return rows[0] ? { txId: rows[0].tx_id, position: Number(rows[0].position) } : START;
}

/** Where a consumer's checkpoint stands, as committed (the start of the log when it has none). */
export async function readCheckpoint(db: Db, name: string): Promise<Checkpoint> {
  const { rows } = await sql<{ tx_id: string; position: number }>`
    select tx_id::text as tx_id, position from consumer_checkpoints where consumer = ${name}`.execute(db);
  return rows[0] ? { txId: rows[0].tx_id, position: Number(rows[0].position) } : START;
}

/**
 * Every checkpoint of a schema, as committed, in one read: what a process starting up
 * learns before its first catch-up, rather than each consumer finding out for itself.
 */
export async function readCheckpoints(db: Db): Promise<Map<string, Checkpoint>> {
  const { rows } = await sql<{ consumer: string; tx_id: string; position: number }>`
    select consumer, tx_id::text as tx_id, position from consumer_checkpoints`.execute(db);
  return new Map(rows.map((r) => [r.consumer, { txId: r.tx_id, position: Number(r.position) }]));
}

/** Moves a checkpoint whose row `trx` holds (see `lockCheckpoint`). */
export async function saveCheckpoint(trx: Db, name: string, at: Checkpoint): Promise<void> {
  await sql`update consumer_checkpoints set tx_id = ${at.txId}::xid8, position = ${at.position}, updated_at = now()
            where consumer = ${name}`.execute(trx);
}

/** How far `name`'s checkpoint is behind `head`, the position of its source's newest event. */
export async function checkpointLag(db: Db, name: string, head: number): Promise<number> {
  const { rows } = await sql<{ position: number }>`
    select position from consumer_checkpoints where consumer = ${name}`.execute(db);
  return Math.max(0, head - Number(rows[0]?.position ?? 0));
}
