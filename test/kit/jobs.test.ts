import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import {
  appendToStream,
  createEventStoreTables,
  createLogger,
  ensureSchema,
  openStorage,
  OutboxTailBus,
  type Db,
  type EventBus,
  type Job,
  type RecordedEvent,
  type Storage,
} from '@starling/kit';
import { JetStreamBus, NatsLink } from '@starling/kit/nats';
import { sql } from 'kysely';
import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, modeIsAvailable, modeTitle, natsNamespace, where, type Mode } from '../support/starling.js';
import { eventually } from '../support/topology.js';

/*
 * Jobs on each bus, on their own: a source schema with an outbox, and a `work` schema
 * where performs record what they did, each through a transaction of its own.
 */
const modes: Mode[] = [
  { name: 'embedded PGlite', postgres: false },
  { name: 'PostgreSQL', postgres: true },
  { name: 'PostgreSQL and NATS JetStream', postgres: true, nats: true },
];

/** Resolves when `open` is called: a perform that takes as long as the test wants. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const later = (ms: number) => new Promise<'later'>((resolve) => setTimeout(() => resolve('later'), ms));

for (const mode of modes) {
  describe.skipIf(!modeIsAvailable(mode))(`jobs on ${modeTitle(mode)}`, () => {
    let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
    let storage: Storage;
    let source: Db;
    let work: Db;
    let namespace: ReturnType<typeof natsNamespace> | undefined;
    const buses: EventBus[] = [];
    const links: NatsLink[] = [];
    let suite = 0;

    beforeAll(async () => {
      if (mode.postgres) database = await createDatabase();
      storage = await openStorage({ databaseUrl: database?.url, dataDir: 'memory://' });
      source = storage.forSchema('src');
      work = storage.forSchema('work');
      await ensureSchema(source, 'src');
      await createEventStoreTables(source);
      await ensureSchema(work, 'work');
      await createEventStoreTables(work);
      await sql`create table work.performed (event_id uuid not null, n int not null, replica text not null)`.execute(
        work,
      );
    });

    afterEach(async () => {
      await Promise.all(buses.splice(0).map((b) => b.stop()));
      await Promise.all(links.splice(0).map((l) => l.close()));
      await namespace?.drop();
      namespace = undefined;
    });

    afterAll(async () => {
      await storage?.close();
      await database?.drop();
    });

    /** Errors logged by the buses (the embedded bus's only record of a gaveUp that failed). */
    const errors: string[] = [];
    const logger = () =>
      createLogger(
        { LOG_LEVEL: 'error' },
        new Writable({
          write(chunk, _enc, done) {
            errors.push(String(chunk));
            done();
          },
        }),
      );

    /** A bus as one process would run it; on JetStream each is a replica with a connection of its own. */
    async function newBus(options: { consistencyWaitMs?: number } = {}) {
      const registry = new Registry();
      if (!mode.nats) return { bus: new OutboxTailBus(logger(), 50, 5) as EventBus, registry, link: undefined };
      namespace ??= natsNamespace();
      const log = logger();
      const link = await NatsLink.open(process.env.NATS_URL!, namespace.prefix, log);
      links.push(link);
      const bus = new JetStreamBus({
        link,
        log,
        registry,
        pollMs: 50,
        consistencyWaitMs: options.consistencyWaitMs ?? 1000,
        deadLetterAfter: 5,
        jobAckWaitMs: 1500,
      });
      bus.relay('src', source);
      return { bus: bus as EventBus, registry, link };
    }

    function started<T extends { bus: EventBus }>(replica: T): T {
      buses.push(replica.bus);
      replica.bus.start();
      return replica;
    }

    /** A type no earlier test appended, so each test's job sees only its own events. */
    function freshTypes() {
      suite += 1;
      return { wanted: `Wanted${suite}`, other: `Other${suite}` };
    }

    async function append(type: string, ns: number[]): Promise<void> {
      for (const n of ns) {
        await source.transaction().execute(async (trx) => {
          await appendToStream(trx, `thing-${type}-${n}`, 0, [{ type, data: { n } }]);
        });
      }
    }

    /** Records a perform, through a transaction of its own: a perform inside the bus's would stall PGlite. */
    async function record(event: RecordedEvent, replica = 'a') {
      await work.transaction().execute(async (trx) => {
        await sql`insert into work.performed (event_id, n, replica)
                  values (${event.eventId}, ${(event.data as { n: number }).n}, ${replica})`.execute(trx);
      });
    }

    async function performed(events: RecordedEvent[] | string[]) {
      const ids = events.map((e) => (typeof e === 'string' ? e : e.eventId));
      if (!ids.length) return [];
      const { rows } = await sql<{ n: number; times: number; replicas: string }>`
        select n, count(*)::int as times, string_agg(distinct replica, ',' order by replica) as replicas
        from work.performed where event_id in (${sql.join(ids)}) group by n order by n`.execute(work);
      return rows;
    }

    async function eventsOf(type: string) {
      const { rows } = await sql<{ event_id: string }>`
        select event_id from src.events where type = ${type} order by position`.execute(source);
      return rows.map((r) => r.event_id);
    }

    const job = (types: string[], perform: Job['perform'], extra: Partial<Job> = {}): Job => ({
      name: `test.job-${suite}`,
      source: 'src',
      types,
      perform,
      ...extra,
    });

    it('performs each event of its types once, outside any transaction, and reports its lag', async () => {
      const { wanted, other } = freshTypes();
      const replica = await newBus();
      const types: string[] = [];
      replica.bus.runJob(
        job([wanted], async (event) => {
          types.push(event.type);
          await record(event);
        }),
        work,
        'work',
      );
      started(replica);
      await append(wanted, [1, 2, 3]);
      await append(other, [4, 5]);
      await append(wanted, [6, 7]);
      await replica.bus.drain();

      const rows = await performed(await eventsOf(wanted));
      expect(rows.map((r) => [r.n, r.times])).toEqual([1, 2, 3, 6, 7].map((n) => [n, 1]));
      expect(types.every((t) => t === wanted)).toBe(true);
      const lag = (await replica.bus.lag()).find((l) => l.consumer === `test.job-${suite}`);
      expect(lag).toEqual({ consumer: `test.job-${suite}`, lag: 0 });
      if (mode.nats) {
        const metric = await replica.registry.getSingleMetricAsString('starling_job_performed_total');
        expect(metric).toMatch(new RegExp(`job="test.job-${suite}"\\} 5$`, 'm'));
      }
    });

    it('tries a failing perform again until it succeeds', async () => {
      const { wanted } = freshTypes();
      const replica = await newBus();
      let tries = 0;
      replica.bus.runJob(
        job([wanted], async (event) => {
          tries += 1;
          if (tries < 3) throw new Error('not yet');
          await record(event);
        }),
        work,
        'work',
      );
      started(replica);
      await append(wanted, [1]);
      await eventually(async () => {
        await replica.bus.drain();
        expect((await performed(await eventsOf(wanted))).map((r) => r.times)).toEqual([1]);
      }, 20_000);
      expect(tries).toBe(3);
    });

    it('gives up after exactly `attempts` tries, tells gaveUp, and goes on with later events', async () => {
      const { wanted } = freshTypes();
      const replica = await newBus();
      const tries = new Map<number, number>();
      const gaveUp: Array<{ n: number; cause: string }> = [];
      replica.bus.runJob(
        job(
          [wanted],
          async (event) => {
            const n = (event.data as { n: number }).n;
            tries.set(n, (tries.get(n) ?? 0) + 1);
            if (n === 2) throw new Error(`thing ${n} cannot be done`);
            await record(event);
          },
          {
            attempts: 3,
            async gaveUp(event, cause) {
              gaveUp.push({ n: (event.data as { n: number }).n, cause: String((cause as Error).message) });
            },
          },
        ),
        work,
        'work',
      );
      started(replica);
      await append(wanted, [1, 2, 3, 4]);
      await eventually(async () => {
        await replica.bus.drain();
        expect((await performed(await eventsOf(wanted))).map((r) => r.n)).toEqual([1, 3, 4]);
        expect(gaveUp).toHaveLength(1);
      }, 20_000);
      expect(tries.get(2)).toBe(3);
      expect(gaveUp).toEqual([{ n: 2, cause: 'thing 2 cannot be done' }]);
      if (mode.nats) {
        const metric = await replica.registry.getSingleMetricAsString('starling_job_given_up_total');
        expect(metric).toMatch(new RegExp(`job="test.job-${suite}"\\} 1$`, 'm'));
      }
    });

    it('a gaveUp that throws parks the event (dead letters on JetStream, the error log embedded) and moves on', async () => {
      const { wanted } = freshTypes();
      const replica = await newBus();
      replica.bus.runJob(
        job(
          [wanted],
          async (event) => {
            if ((event.data as { n: number }).n === 1) throw new Error('thing 1 cannot be done');
            await record(event);
          },
          {
            attempts: 1,
            async gaveUp() {
              throw new Error('nor can its failure be recorded');
            },
          },
        ),
        work,
        'work',
      );
      started(replica);
      await append(wanted, [1, 2]);
      await eventually(async () => {
        await replica.bus.drain();
        expect((await performed(await eventsOf(wanted))).map((r) => r.n)).toEqual([2]);
      }, 20_000);
      if (mode.nats) {
        const nc = await connect({ servers: process.env.NATS_URL! });
        const jsm = await jetstreamManager(nc);
        const parked = await jsm.streams.getMessage(`${namespace!.prefix}_dead_letters`, { seq: 1 });
        await nc.close();
        expect(parked!.header.get('Starling-Consumer')).toBe(`test.job-${suite}`);
        expect(parked!.header.get('Starling-Error')).toContain('nor can its failure be recorded');
      } else {
        const line = errors.find((l) => l.includes('recording it failed too'));
        expect(line).toContain('nor can its failure be recorded');
        expect(line).toContain('thing 1 cannot be done');
      }
    });

    where(mode.nats)('performs up to `concurrency` events at once in one replica', async () => {
      const { wanted } = freshTypes();
      const replica = await newBus();
      const held = gate();
      let running = 0;
      let most = 0;
      replica.bus.runJob(
        job(
          [wanted],
          async (event) => {
            running += 1;
            most = Math.max(most, running);
            await held.opened;
            await record(event);
            running -= 1;
          },
          { concurrency: 3 },
        ),
        work,
        'work',
      );
      started(replica);
      await append(wanted, [1, 2, 3, 4, 5]);
      await eventually(async () => expect(running).toBe(3), 15_000, 20);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(most).toBe(3);
      held.open();
      await eventually(async () => expect(await performed(await eventsOf(wanted))).toHaveLength(5), 15_000);
      expect(most).toBe(3);
    });

    it('a write’s settle does not wait for a slow job; a drain does', async () => {
      const { wanted } = freshTypes();
      const replica = await newBus({ consistencyWaitMs: 5000 });
      const slow = gate();
      let began = false;
      replica.bus.runJob(
        job([wanted], async (event) => {
          began = true;
          await slow.opened;
          await record(event);
        }),
        work,
        'work',
      );
      started(replica);
      await append(wanted, [1]);
      const { rows } = await sql<{ tx_id: string; position: number }>`
        select tx_id::text as tx_id, position from src.events where type = ${wanted}`.execute(source);
      const mark = { txId: rows[0]!.tx_id, position: Number(rows[0]!.position) };
      replica.bus.notify();
      await eventually(async () => expect(began).toBe(true), 10_000, 20);

      const t0 = Date.now();
      await replica.bus.settle('src', mark);
      expect(Date.now() - t0).toBeLessThan(2000);
      const drained = replica.bus.drain();
      expect(await Promise.race([drained, later(500)])).toBe('later');
      slow.open();
      await drained;
      expect((await performed(await eventsOf(wanted))).map((r) => r.times)).toEqual([1]);
    });

    // Processes sharing a PostgreSQL database take each event in turn (a lease); on
    // JetStream the replicas pull from one queue and split the events between them.
    where(mode.postgres)('two replicas share a job: each event performed once, by one of them', async () => {
      const { wanted } = freshTypes();
      for (const name of ['a', 'b']) {
        const replica = await newBus();
        replica.bus.runJob(
          job([wanted], async (event) => {
            await new Promise((resolve) => setTimeout(resolve, 10));
            await record(event, name);
          }),
          work,
          'work',
        );
        started(replica);
      }
      const ns = Array.from({ length: 40 }, (_, i) => i);
      await append(wanted, ns);
      await eventually(async () => expect(await performed(await eventsOf(wanted))).toHaveLength(40), 30_000);
      const rows = await performed(await eventsOf(wanted));
      expect(rows.map((r) => [r.n, r.times])).toEqual(ns.map((n) => [n, 1]));
      if (mode.nats) expect(new Set(rows.map((r) => r.replicas))).toEqual(new Set(['a', 'b']));
    });

    where(mode.nats)('a replica that stops mid-perform leaves its event to another', async () => {
      const { wanted } = freshTypes();
      const a = await newBus();
      const never = gate();
      let aTook: string | undefined;
      a.bus.runJob(
        job([wanted], async (event) => {
          aTook = event.eventId;
          await never.opened;
        }),
        work,
        'work',
      );
      started(a);
      await append(wanted, [1]);
      await eventually(async () => expect(aTook).toBeDefined(), 10_000, 20);

      const b = await newBus();
      b.bus.runJob(
        job([wanted], (event) => record(event, 'b')),
        work,
        'work',
      );
      started(b);
      // Replica A stops answering: its connection goes, its perform never ends.
      await a.link!.nc.close();
      await eventually(
        async () => expect((await performed([aTook!])).map((r) => [r.times, r.replicas])).toEqual([[1, 'b']]),
        20_000,
      );
      never.open();
    });

    where(mode.nats)('an event whose perform kills every replica ends in gaveUp after `attempts` tries', async () => {
      const { wanted } = freshTypes();
      const attempts = 2;
      const gaveUp: string[] = [];
      const fatal = (perform: Job['perform']) =>
        job([wanted], perform, {
          attempts,
          async gaveUp(event) {
            gaveUp.push(event.eventId);
          },
        });
      await append(wanted, [1]);
      // Each try "kills" its replica: the perform never ends and the connection goes.
      for (let i = 0; i < attempts; i++) {
        const dying = await newBus();
        let took = false;
        dying.bus.runJob(
          fatal(async () => {
            took = true;
            await new Promise(() => {});
          }),
          work,
          'work',
        );
        started(dying);
        await eventually(async () => expect(took).toBe(true), 15_000, 20);
        await dying.link!.nc.close();
      }
      const last = await newBus();
      let performs = 0;
      last.bus.runJob(
        fatal(async () => {
          performs += 1;
        }),
        work,
        'work',
      );
      started(last);
      await eventually(async () => expect(gaveUp).toEqual(await eventsOf(wanted)), 15_000);
      expect(performs).toBe(0);
    });
  });
}
