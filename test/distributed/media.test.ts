import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../support/pictures.js';
import { killStarlings } from '../support/process.js';
import { startS3 } from '../support/s3.js';
import { createDatabase, natsNamespace, PASSWORD } from '../support/starling.js';
import { eventually, startTopology, type Topology } from '../support/topology.js';

/*
 * The extractor in the distributed mode: `starling up --distributed` with two
 * media-worker replicas and an S3-compatible store (s3rver). The replicas share the
 * uploads, and one killed with SIGKILL in the middle loses none: every upload ends ready,
 * converted once; deleting a tweet deletes its pictures from the bucket.
 */
const missing =
  (!process.env.DATABASE_URL && 'DATABASE_URL is not set') || (!process.env.NATS_URL && 'NATS_URL is not set');
const title = missing ? `media workers, distributed (skipped: ${missing})` : 'media workers, distributed';
const UPLOADS = 50;

describe.skipIf(!!missing)(title, { timeout: 180_000 }, () => {
  let t: Topology;
  let s3: Awaited<ReturnType<typeof startS3>>;
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let bus: ReturnType<typeof natsNamespace>;
  let token: string;

  beforeAll(async () => {
    s3 = await startS3();
    database = await createDatabase();
    bus = natsNamespace();
    t = await startTopology(
      {
        ...s3.env,
        ...bus.env,
        DATABASE_URL: database.url,
        LOGIN_RATE_LIMIT: '1000/60',
        SIGNUP_RATE_LIMIT: '100000/60',
        GATEWAY_RATE_LIMIT: '1000000/60',
      },
      ['--replicas', 'media-worker=2'],
    );
    const json = { username: 'dm_ada', email: 'dm_ada@example.com', password: PASSWORD };
    expect((await t.api('/api/v1/users', { method: 'POST', json })).status).toBe(201);
    const login = await t.api('/api/v1/auth/login', {
      method: 'POST',
      json: { username: 'dm_ada', password: PASSWORD },
    });
    token = ((await login.json()) as { access_token: string }).access_token;
  }, 150_000);

  afterAll(async () => {
    await t?.stop();
    killStarlings();
    await s3?.close();
    await database?.drop();
    await bus?.drop();
  });

  const conversions = async (port: number) => {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    return [...text.matchAll(/^starling_media_conversion_seconds_count\{[^}]*\} (\d+)/gm)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
  };

  it(`shares ${UPLOADS} uploads between two workers, and one killed mid-way loses none`, async () => {
    const ids: string[] = [];
    const upload = async (i: number) => {
      const body = new FormData();
      body.append('file', new Blob([new Uint8Array(await png(200 + i, 150))], { type: 'image/png' }), `p${i}.png`);
      const res = await fetch(`${t.base}/api/v2/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body,
      });
      expect(res.status, await res.clone().text()).toBe(202);
      ids.push(((await res.json()) as { id: string }).id);
    };
    // The first half, then both workers must have converted some.
    for (let i = 0; i < UPLOADS / 2; i++) await upload(i);
    const [first, second] = [t.member('media-worker', 1), t.member('media-worker', 2)];
    await eventually(async () => {
      expect(await conversions(first.port)).toBeGreaterThan(0);
      expect(await conversions(second.port)).toBeGreaterThan(0);
    });
    // The second half, with the first worker killed while it is converting them.
    await Promise.all(Array.from({ length: UPLOADS / 2 }, (_, i) => upload(UPLOADS / 2 + i)));
    process.kill(first.pid, 'SIGKILL');

    await eventually(async () => {
      const states = await Promise.all(
        ids.map(
          async (id) => ((await (await t.api(`/api/v2/media/${id}`, { token })).json()) as { state: string }).state,
        ),
      );
      expect(states.filter((s) => s !== 'ready')).toEqual([]);
    }, 90_000);
    expect(ids).toHaveLength(UPLOADS);

    // Converted once each: one MediaProcessed per upload in the media service's log.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ media_id: string; n: number }>(
        `select data->>'media_id' as media_id, count(*)::int as n from media.events
         where type = 'MediaProcessed' group by 1`,
      );
      expect(rows).toHaveLength(UPLOADS);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    } finally {
      await client.end();
    }

    // A tweet's pictures leave the bucket with the tweet; the others stay.
    const keysOf = async (id: string) => (await s3.keys()).filter((k) => k.includes(id));
    expect(await keysOf(ids[0]!)).toHaveLength(2);
    const posted = await t.api('/api/v2/tweets', {
      method: 'POST',
      token,
      json: { body: 'brief', media_ids: ids.slice(0, 2) },
    });
    expect(posted.status).toBe(201);
    const { id: tweetId } = (await posted.json()) as { id: string };
    expect((await t.api(`/api/v2/tweets/${tweetId}`, { method: 'DELETE', token })).status).toBe(204);
    await eventually(async () => {
      expect(await keysOf(ids[0]!)).toEqual([]);
      expect(await keysOf(ids[1]!)).toEqual([]);
    });
    expect(await keysOf(ids[2]!)).toHaveLength(2);
  });
});

describe.skipIf(!!missing)(
  missing ? `media kept in a folder, distributed (skipped: ${missing})` : 'media kept in a folder, distributed',
  { timeout: 180_000 },
  () => {
    let t: Topology;
    let database: Awaited<ReturnType<typeof createDatabase>>;
    let bus: ReturnType<typeof natsNamespace>;
    let dataDir: string;

    beforeAll(async () => {
      database = await createDatabase();
      bus = natsNamespace();
      dataDir = await mkdtemp(join(tmpdir(), 'starling-media-folder-'));
      t = await startTopology({
        ...bus.env,
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        LOGIN_RATE_LIMIT: '1000/60',
        SIGNUP_RATE_LIMIT: '100000/60',
      });
    }, 150_000);

    afterAll(async () => {
      await t?.stop();
      killStarlings();
      await database?.drop();
      await bus?.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('takes a picture larger than BODY_LIMIT through the gateway, and serves its files from the media service', async () => {
      const json = { username: 'df_ada', email: 'df_ada@example.com', password: PASSWORD };
      expect((await t.api('/api/v1/users', { method: 'POST', json })).status).toBe(201);
      const login = await t.api('/api/v1/auth/login', {
        method: 'POST',
        json: { username: 'df_ada', password: PASSWORD },
      });
      const { access_token: token } = (await login.json()) as { access_token: string };
      const photo = await sharp({
        create: {
          width: 500,
          height: 400,
          channels: 3,
          background: '#000',
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .png()
        .toBuffer();
      expect(photo.length, 'more than the 64 KiB BODY_LIMIT').toBeGreaterThan(65_536);
      const body = new FormData();
      body.append('file', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'noise.png');
      const res = await fetch(`${t.base}/api/v2/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body,
      });
      expect(res.status, await res.clone().text()).toBe(202);
      const { id } = (await res.json()) as { id: string };
      const ready = await eventually(async () => {
        const media = (await (await t.api(`/api/v2/media/${id}`, { token })).json()) as {
          state: string;
          url: string;
          preview_url: string;
        };
        expect(media.state).toBe('ready');
        return media;
      });
      for (const url of [ready.url, ready.preview_url]) {
        expect(url).toMatch(/^\/media\/files\//);
        const file = await fetch(`${t.base}${url}`);
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toBe('image/webp');
        expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).width).toBeGreaterThan(0);
      }
    });
  },
);
