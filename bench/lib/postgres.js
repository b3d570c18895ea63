// PostgreSQL administration for the bench: the cached data set's template
// database, and the per-run copies made from it.
import { randomBytes } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import pg from 'pg';

import { onCleanup } from './cleanup.js';

/** The DATABASE_URL server's URL with another database name. */
export function databaseUrl(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Run `fn(client)` on a short-lived connection to `url`. */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const admin = (serverUrl, statement) => withClient(serverUrl, (c) => c.query(statement));

export async function databaseExists(serverUrl, name) {
  const { rows } = await withClient(serverUrl, (c) => c.query('select 1 from pg_database where datname = $1', [name]));
  return rows.length > 0;
}

export async function createDatabase(serverUrl, name, { template } = {}) {
  // Names are made here from digits and letters only; identifiers cannot be parameters.
  await withClient(serverUrl, async (c) => {
    // From PostgreSQL 15 a copy goes through the WAL by default, which for the large
    // set means writing it all twice; copying the files is what a template is for.
    const { rows } = await c.query(`select current_setting('server_version_num')::int >= 150000 as modern`);
    const strategy = template && rows[0].modern ? ' strategy file_copy' : '';
    await c.query(`create database ${name}${template ? ` template ${template}${strategy}` : ''}`);
  });
}

export async function dropDatabase(serverUrl, name) {
  await admin(serverUrl, `drop database if exists ${name} with (force)`);
}

/**
 * A copy of the template for one mode of one run, dropped at teardown: the runs'
 * posts and logins never reach the cached data set. `create database … template`
 * copies files, not rows, so even the large set copies in about the time of reading it.
 */
export async function scratchCopy(serverUrl, template) {
  await checkRoomFor(serverUrl, template);
  const name = `${template}_run_${randomBytes(4).toString('hex')}`;
  onCleanup(() => dropDatabase(serverUrl, name));
  await createDatabase(serverUrl, name, { template });
  return databaseUrl(serverUrl, name);
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '']);
const gb = (bytes) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

/**
 * Refuses a copy that would fill the server's disk: a full disk stops PostgreSQL for
 * everyone using it, and the large set is tens of GB. Checked only for a server on
 * this machine whose data directory we may read (a superuser's connection); a copy
 * must leave a tenth of its size, and at least 2 GB, free.
 */
async function checkRoomFor(serverUrl, template) {
  if (!LOCAL_HOSTS.has(new URL(serverUrl).hostname)) return;
  const { rows } = await withClient(serverUrl, (c) =>
    c.query(`select pg_database_size($1)::float8 as size, current_setting('data_directory', true) as dir`, [template]),
  );
  const { size, dir } = rows[0];
  const disk = dir ? await statfs(dir).catch(() => null) : null;
  if (!disk) return;
  const free = disk.bavail * disk.bsize;
  if (free - size < Math.max(size / 10, 2 * 2 ** 30)) {
    throw new Error(
      `not enough disk for a copy of ${template} (${gb(size)}): ${gb(free)} free under ${dir}. ` +
        'Free some space, or run the other set (--small or --large).',
    );
  }
}

/** The services' schemas that keep an outbox (an events table) and checkpoints. */
async function outboxSchemas(client) {
  const { rows } = await client.query(`
    select e.table_schema as schema
    from information_schema.tables e
    join information_schema.tables c on c.table_schema = e.table_schema and c.table_name = 'consumer_checkpoints'
    where e.table_name = 'events'
    order by 1`);
  return rows.map((r) => r.schema);
}

/**
 * `starling seed` writes the outboxes but publishes nothing (it runs without NATS),
 * so the first service started on NATS would relay every seeded event (over a
 * million on the large set) to a fresh stream, and the workers would read them all
 * only to skip them, while the bench measures. Every read model already holds those
 * events, so the relays' checkpoints are moved to the end of each outbox instead, as
 * if a bus nobody listened to had taken them: each run's streams (a NATS_PREFIX of
 * its own) then carry only that run's events, and each durable consumer starts where
 * seeding left its checkpoint.
 */
export async function markOutboxesRelayed(url) {
  await withClient(url, async (client) => {
    for (const schema of await outboxSchemas(client)) {
      await client.query(`
        insert into "${schema}".consumer_checkpoints (consumer, tx_id, position)
        select 'bus.relay', tx_id, position from "${schema}".events order by tx_id desc, position desc limit 1
        on conflict (consumer) do update set tx_id = excluded.tx_id, position = excluded.position, updated_at = now()`);
    }
  });
}

/**
 * Fresh planner statistics and a vacuumed heap, once, in the template: otherwise
 * autovacuum would wake up on the millions of seeded rows in the middle of a run.
 */
export async function vacuumAnalyze(url) {
  await withClient(url, (c) => c.query('vacuum analyze'));
}

/** The marker that says a template is complete and what it holds. */
export async function readMarker(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`select to_regclass('public.bench_dataset') is not null as present`);
    if (!rows[0].present) return null;
    const marker = await client.query('select manifest from public.bench_dataset limit 1');
    return marker.rows[0]?.manifest ?? null;
  });
}

export async function writeMarker(url, manifest) {
  await withClient(url, async (client) => {
    await client.query('create table if not exists public.bench_dataset (manifest jsonb not null)');
    await client.query('delete from public.bench_dataset');
    await client.query('insert into public.bench_dataset (manifest) values ($1)', [JSON.stringify(manifest)]);
  });
}
