import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import {
  appendToStream,
  createEventStoreTables,
  createLogger,
  ensureSchema,
  openStorage,
  type Consumer,
  type Db,
  type Storage,
} from '@starling/kit';
import { JetStreamBus } from '@starling/kit/nats';
import { sql } from 'kysely';
import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, modeTitle, natsNamespace, type Mode } from '../support/starling.js';
import { eventually } from '../support/topology.js';

/*
 * The JetStream bus on its own: a source schema with an outbox, a relay, and durable
 * consumers in a sink schema, as separate "processes" (bus instances) would run them.
 */
const mode: Mode = { name: 'PostgreSQL and NATS JetStream', postgres: true, nats: true };
const available = !!process.env.DATABASE_URL && !!process.env.NATS_URL;

describe.skipIf(!available)(`the JetStream bus on ${modeTitle(mode)}`, () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let storage: Storage;
  let source: Db;
  let sink: Db;
  let namespace: ReturnType<typeof natsNamespace>;
  const buses: JetStreamBus[] = [];
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await createDatabase();
    storage = await openStorage({ databaseUrl: database.url, dataDir: 'memory://' });
    source = storage.forSchema('src');
    sink = storage.forSchema('sink');
    for (const [name, db] of [
      ['src', source],
      ['sink', sink],
    ] as const) {
      await ensureSchema(db, name);
      await createEventStoreTables(db);
    }
    await sql`create table sink.seen (event_id uuid primary key, n int not null)`.execute(sink);
  });

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((b) => b.stop()));
    await namespace?.drop();
  });

  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  async function newBus(options: { deadLetterAfter?: number } = {}) {
    const registry = new Registry();
    const log = createLogger(
      { LOG_LEVEL: 'info' },
      new Writable({
        write(chunk, _enc, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    );
    const bus = await JetStreamBus.connect({
      url: process.env.NATS_URL!,
      prefix: namespace.prefix,
      log,
      registry,
      pollMs: 50,
      consistencyWaitMs: 1000,
      deadLetterAfter: options.deadLetterAfter ?? 5,
    });
    buses.push(bus);
    return { bus, registry };
  }

  async function append(n: number, from = 0) {
    for (let i = from; i < from + n; i++) {
      await source
        .transaction()
        .execute((trx) => appendToStream(trx, `thing-${i}`, 0, [{ type: 'ThingHappened', data: { n: i } }]));
    }
  }

  /** Records each event once; a second application would break the primary key. */
  const recorder = (name: string, poison?: number): Consumer => ({
    name,
    source: 'src',
    types: ['ThingHappened'],
    async handle(event, trx) {
      const n = (event.data as { n: number }).n;
      if (n === poison) throw new Error(`thing ${n} cannot be handled`);
      await sql`insert into sink.seen (event_id, n) values (${event.eventId}, ${n})`.execute(trx);
    },
  });

  const seen = async () =>
    (await sql<{ n: number }>`select n from sink.seen order by n`.execute(sink)).rows.map((r) => r.n);

  it('two replicas share a durable consumer: every event applied once, in order of the log', async () => {
    namespace = natsNamespace();
    await sql`truncate sink.seen`.execute(sink);
    const a = await newBus();
    const b = await newBus();
    a.bus.relay('src', source);
    b.bus.relay('src', source);
    a.bus.subscribe(recorder('sink.shared'), sink, 'sink');
    b.bus.subscribe(recorder('sink.shared'), sink, 'sink');
    a.bus.start();
    b.bus.start();
    await append(300);
    await eventually(async () => expect(await seen()).toHaveLength(300), 30_000);
    expect(await seen()).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });

  it('a restarted relay neither skips nor floods: it publishes what is new, and a replay is deduplicated', async () => {
    namespace = natsNamespace();
    await sql`delete from consumer_checkpoints where consumer like 'bus.%'`.execute(source);
    await append(20, 1000);
    const first = await newBus();
    first.bus.relay('src', source);
    first.bus.start();
    await first.bus.drain();
    await first.bus.stop();
    buses.length = 0;

    await append(5, 2000);
    const second = await newBus();
    second.bus.relay('src', source);
    second.bus.start();
    await second.bus.drain();
    const relayed = await second.registry.getSingleMetricAsString('starling_bus_relayed_total');
    expect(relayed).toMatch(/starling_bus_relayed_total\{source="src"\} 5$/m);

    // A relay that died after publishing but before moving its checkpoint sends it all again.
    await sql`delete from consumer_checkpoints where consumer = 'bus.relay'`.execute(source);
    await second.bus.drain();
    const nc = await connect({ servers: process.env.NATS_URL! });
    const jsm = await jetstreamManager(nc);
    const { state } = await jsm.streams.info(`${namespace.prefix}_events_src`);
    await nc.close();
    const total = Number(
      (await sql<{ n: number }>`select count(*)::int as n from src.events`.execute(source)).rows[0]!.n,
    );
    expect(state.messages).toBe(total);
  });

  it('a poison message goes to the dead-letter subject after N attempts, with a log line, and the stream moves on', async () => {
    namespace = natsNamespace();
    await sql`truncate sink.seen`.execute(sink);
    await sql`delete from consumer_checkpoints where consumer like 'bus.%'`.execute(source);
    const poisoned = 3003;
    const { bus, registry } = await newBus({ deadLetterAfter: 3 });
    bus.relay('src', source);
    bus.subscribe(recorder('sink.picky', poisoned), sink, 'sink');
    bus.start();
    await append(6, 3000);
    await eventually(
      async () => expect((await seen()).filter((n) => n >= 3000)).toEqual([3000, 3001, 3002, 3004, 3005]),
      30_000,
    );

    const dead = await registry.getSingleMetricAsString('starling_bus_dead_letters_total');
    expect(dead).toMatch(/consumer="sink\.picky"\} 1$/m);
    const line = logLines.find((l) => l.includes('dead-letters.sink_picky'));
    expect(line).toContain('thing 3003 cannot be handled');

    const nc = await connect({ servers: process.env.NATS_URL! });
    const jsm = await jetstreamManager(nc);
    const parked = await jsm.streams.getMessage(`${namespace.prefix}_dead_letters`, { seq: 1 });
    await nc.close();
    expect(parked!.header.get('Starling-Consumer')).toBe('sink.picky');
    expect(parked!.header.get('Starling-Error')).toContain('cannot be handled');
    expect(parked!.json<{ event: { data: { n: number } } }>().event.data.n).toBe(poisoned);
  });

  it('a batch that fails is applied again one message at a time: only the poison message is dead-lettered', async () => {
    namespace = natsNamespace();
    await sql`truncate sink.seen`.execute(sink);
    await sql`delete from consumer_checkpoints where consumer like 'bus.%'`.execute(source);
    const poisoned = 4003;
    const one = recorder('sink.batched', poisoned);
    const batches: number[] = [];
    const batched: Consumer = {
      ...one,
      async handleBatch(events, trx) {
        batches.push(events.length);
        for (const event of events) await one.handle(event, trx);
      },
    };
    // Appended before the bus starts, so they reach the consumer together.
    await append(6, 4000);
    const { bus, registry } = await newBus({ deadLetterAfter: 3 });
    bus.relay('src', source);
    bus.subscribe(batched, sink, 'sink');
    bus.start();
    await eventually(
      async () => expect((await seen()).filter((n) => n >= 4000)).toEqual([4000, 4001, 4002, 4004, 4005]),
      30_000,
    );
    expect(Math.max(...batches)).toBeGreaterThan(1);
    const dead = await registry.getSingleMetricAsString('starling_bus_dead_letters_total');
    expect(dead).toMatch(/consumer="sink\.batched"\} 1$/m);
  });
});
