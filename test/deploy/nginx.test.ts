import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOf, SERVICES } from '@starling/cli/topology';
import { CALLERS, CONTENT_SECURITY_POLICY } from '@starling/kit';

/*
 * deploy/nginx.conf, the alternative to the gateway role, run for real: nginx in front
 * of fake services (node:http servers that answer with their name and the request they
 * got), to show that every operation of every service's contract reaches its owner with
 * its path and query intact, that the web app is served as `starling start` serves it,
 * and that nginx's own errors are problem+json. Needs an nginx binary (Debian's `nginx`
 * package; .ci/run installs it); without one the suite reports itself skipped.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CONF = join(ROOT, 'deploy/nginx.conf');
const WEB_ROOT_IN_CONF = '/usr/share/starling/web';

function findNginx(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, 'nginx');
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const nginx = findNginx();

// ------------------------------------------------------------------ the contracts

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;
/** Sample values for path parameters; the tag is percent-encoded UTF-8 to check it passes untouched. */
const SAMPLES: Record<string, string> = { id: '01JC3Z8Q9M4V7T2R5X6Y8W0ABC', tag: 'caf%C3%A9' };
/** A query string that a proxy normalising the URI would change. */
const QUERY = '?limit=5&cursor=a%2Fb%3D%3D&q=caf%C3%A9+bar';

interface Operation {
  service: string;
  method: string;
  /** The contract's path, `/api/v1/users/{id}`. */
  path: string;
  /** The path with sample values and a query string: what is sent and must arrive. */
  url: string;
}

const SERVICE_ROLES = SERVICES.map((s) => s.name);

/** Every path and method of every service's contract in the topology, owned by that service. */
function contractOperations(): Operation[] {
  const operations: Operation[] = [];
  for (const entry of SERVICES) {
    const service = entry.name;
    const document = contractOf(entry);
    for (const [path, item] of Object.entries(document.paths ?? {}) as [string, Record<string, unknown>][]) {
      for (const method of METHODS) {
        // An operation for apps' tokens only is routed by the token, which nginx cannot read (nginx.conf).
        if (!item[method] || (item[method] as Record<string, unknown>)[CALLERS] === 'apps') continue;
        const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => SAMPLES[name] ?? 'sample');
        operations.push({ service, method: method.toUpperCase(), path, url: filled + QUERY });
      }
    }
  }
  return operations;
}

/** The contract paths that answer with an event stream (text/event-stream), and their services. */
function streamingOperations(): Array<[path: string, service: string]> {
  const streams: Array<[string, string]> = [];
  for (const entry of SERVICES) {
    const service = entry.name;
    const paths = (contractOf(entry).paths ?? {}) as Record<string, { get?: { responses?: object } }>;
    for (const [path, item] of Object.entries(paths)) {
      const responses = Object.values(item.get?.responses ?? {}) as Array<{ content?: Record<string, unknown> }>;
      if (responses.some((r) => r.content?.['text/event-stream'])) streams.push([path, service]);
    }
  }
  return streams;
}

// ------------------------------------------------------------------ the machinery

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

interface Echo {
  service: string;
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A stand-in for a service: answers every request with JSON naming the service and
 * echoing the request. With `x-test-stream: 1` it opens an event stream instead, sends
 * one event and keeps the response open, as the live home stream does.
 */
async function fakeService(service: string): Promise<{ server: Server; port: number }> {
  const server = createHttpServer((req, res) => {
    if (req.headers['x-test-stream'] === '1') {
      // Delimited by closing the connection, not chunked: nginx relays chunks as they
      // come even when it buffers, so only this form shows whether it buffers.
      (res as unknown as { useChunkedEncodingByDefault: boolean }).useChunkedEncodingByDefault = false;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(`event: hello\ndata: ${service}\n\n`);
      // A second event once the first is surely on its way: a buffering proxy holds
      // this one back (the first may slip through with the response head).
      const second = setTimeout(() => res.write(`event: tweet\ndata: second\n\n`), 300);
      const end = setTimeout(() => res.end(), 10_000);
      req.on('close', () => [second, end].forEach(clearTimeout));
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const echo: Echo = { service, method: req.method!, url: req.url!, headers: req.headers, body };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(echo));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, port: (server.address() as { port: number }).port };
}

/** The `-e` flag (error log before the configuration is read) exists from nginx 1.19.5. */
function nginxHasErrorLogFlag(binary: string): boolean {
  const { stderr } = spawnSync(binary, ['-v'], { encoding: 'utf8' });
  const [major = 0, minor = 0, patch = 0] = (/nginx\/(\d+)\.(\d+)\.(\d+)/.exec(stderr) ?? []).slice(1).map(Number);
  return major > 1 || (major === 1 && (minor > 19 || (minor === 19 && patch >= 5)));
}

interface RunningNginx {
  base: string;
  /** What nginx has written to its error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

/**
 * deploy/nginx.conf as it is, but for: the upstreams' `server` lines (one per address
 * given), the `listen` line, the web root, the access log, and temporary files under
 * `dir`. `edit` may change more (the test that shows rate limits keeps them as they are).
 */
function renderConf(options: {
  dir: string;
  port: number;
  webRoot: string;
  upstreams: Record<string, string[]>;
  edit?: (conf: string) => string;
}): string {
  let conf = readFileSync(CONF, 'utf8');
  const swap = (pattern: RegExp, replacement: string | ((...args: string[]) => string), what: string) => {
    expect(conf, `deploy/nginx.conf has ${what}`).toMatch(pattern);
    conf = conf.replace(pattern, replacement as (...args: string[]) => string);
  };
  swap(/^(\s*)listen\s+[^;]+;/gm, `$1listen 127.0.0.1:${options.port};`, 'a listen line');
  swap(new RegExp(`root ${WEB_ROOT_IN_CONF};`), `root ${options.webRoot};`, `root ${WEB_ROOT_IN_CONF}`);
  swap(/access_log\s+\/[^\s;]+/g, `access_log ${join(options.dir, 'access.log')}`, 'an access log');
  swap(
    /^(\s*)http \{/m,
    `$1http {\n  client_body_temp_path ${join(options.dir, 'client_body')};\n  proxy_temp_path ${join(options.dir, 'proxy')};`,
    'an http block',
  );
  for (const [name, addresses] of Object.entries(options.upstreams)) {
    swap(
      new RegExp(`(upstream ${name} \\{)([^}]*)\\}`),
      (_: string, open: string, body: string) =>
        `${open}${body.replace(/^\s*server\s+[^;]+;\n/gm, '')}\n${addresses.map((a) => `    server ${a};`).join('\n')}\n  }`,
      `an upstream block "${name}"`,
    );
  }
  return options.edit ? options.edit(conf) : conf;
}

async function startNginx(binary: string, render: (dir: string, port: number) => string): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'starling-nginx-'));
  // Run as root, nginx's workers drop to `nobody`: they must be able to read the files.
  chmodSync(dir, 0o755);
  const mimeTypes = '/etc/nginx/mime.types';
  if (existsSync(mimeTypes)) copyFileSync(mimeTypes, join(dir, 'mime.types'));
  else
    writeFileSync(
      join(dir, 'mime.types'),
      'types { text/html html; text/css css; application/javascript js; image/svg+xml svg; application/json json; }\n',
    );
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, render(dir, port));
  const args = ['-p', `${dir}/`, '-c', conf, '-g', `daemon off; pid ${join(dir, 'nginx.pid')}; error_log stderr;`];
  if (nginxHasErrorLogFlag(binary)) args.unshift('-e', 'stderr');
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`nginx exited (${child.exitCode}):\n${stderr}`);
    }
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not answer on ${base} within 10 s:\n${stderr}`);
    }
    await sleep(50);
  }
  return { base, errors: () => stderr, stop };
}

function makeWebRoot(): { dir: string; index: string } {
  const dir = mkdtempSync(join(tmpdir(), 'starling-web-'));
  chmodSync(dir, 0o755);
  const index =
    '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>\n';
  writeFileSync(join(dir, 'index.html'), index);
  mkdirSync(join(dir, 'assets'), { mode: 0o755 });
  writeFileSync(join(dir, 'assets/index-Ab12Cd34.js'), 'console.log("starling");\n');
  return { dir, index };
}

const conf = readFileSync(CONF, 'utf8');

// ------------------------------------------------------------------------- tests

describe('deploy/nginx.conf, read', () => {
  it('has an upstream for every service and nothing else', () => {
    const upstreams = [...conf.matchAll(/^\s*upstream\s+([\w-]+)\s*\{/gm)].map((m) => m[1]).sort();
    expect(upstreams).toEqual([...SERVICE_ROLES].sort());
  });

  it('sends pages with the Content-Security-Policy of packages/kit/src/http/web-app.ts', () => {
    const policy = /add_header\s+Content-Security-Policy\s+"([^"]*)"/.exec(conf)?.[1];
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never resends a request that may have taken effect (no non_idempotent)', () => {
    const directive = /^\s*proxy_next_upstream\s+([^;]*);/m.exec(conf)?.[1] ?? '';
    expect(directive.split(/\s+/)).toEqual(expect.arrayContaining(['error', 'timeout', 'http_502', 'http_503']));
    expect(directive).not.toContain('non_idempotent');
  });

  it('limits API requests per client address', () => {
    expect(conf).toMatch(/^\s*limit_req_zone\s+\S+\s+zone=starling_api:\S+\s+rate=\d+r\/[sm];/m);
    expect(conf).toMatch(/^\s*limit_req\s+zone=starling_api\b/m);
  });
});

describe.skipIf(!nginx)(
  nginx
    ? `deploy/nginx.conf in front of the services (${nginx})`
    : 'deploy/nginx.conf (skipped: nginx is not installed)',
  () => {
    const operations = contractOperations();
    const fakes = new Map<string, { server: Server; port: number }>();
    let web: { dir: string; index: string };
    let edge: RunningNginx;
    let deadPort: number;

    beforeAll(async () => {
      for (const service of SERVICE_ROLES) fakes.set(service, await fakeService(service));
      deadPort = await freePort(); // nothing listens there: a replica that is down
      web = makeWebRoot();
      edge = await startNginx(nginx!, (dir, port) =>
        renderConf({
          dir,
          port,
          webRoot: web.dir,
          // A replica that is down before the live one: nginx must move on to the next.
          upstreams: Object.fromEntries(
            [...fakes].map(([service, fake]) => [service, [`127.0.0.1:${deadPort}`, `127.0.0.1:${fake.port}`]]),
          ),
          // So many requests in a row would trip the per-address limit; its own test keeps it.
          edit: (text) => text.replace(/rate=\d+r\/[sm]/, 'rate=100000r/s'),
        }),
      );
    });

    afterAll(async () => {
      await edge?.stop();
      for (const { server } of fakes.values()) {
        server.closeAllConnections();
        await new Promise((closed) => server.close(closed));
      }
      if (web) rmSync(web.dir, { recursive: true, force: true });
    });

    const send = (url: string, init: RequestInit = {}) => fetch(`${edge.base}${url}`, init);

    it('the contracts are read: every service of the topology has operations, and no other service does', () => {
      const owners = new Set(operations.map((o) => o.service));
      expect([...owners].sort()).toEqual([...SERVICE_ROLES].sort());
      expect(operations.length).toBeGreaterThan(20);
    });

    it('every operation of every contract reaches its service, path and query intact', async () => {
      const misrouted: string[] = [];
      for (const op of operations) {
        const withBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method);
        const res = await send(op.url, {
          method: op.method,
          headers: { accept: 'application/json', ...(withBody ? { 'content-type': 'application/json' } : {}) },
          ...(withBody ? { body: JSON.stringify({ probe: op.path }) } : {}),
        });
        const echo = res.status === 200 ? ((await res.json()) as Echo) : undefined;
        const expected = { service: op.service, method: op.method, url: op.url };
        const got = echo ? { service: echo.service, method: echo.method, url: echo.url } : { status: res.status };
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          misrouted.push(`${op.method} ${op.path} (${op.service}): got ${JSON.stringify(got)}`);
        } else if (withBody && echo!.body !== JSON.stringify({ probe: op.path })) {
          misrouted.push(`${op.method} ${op.path}: the body did not arrive intact (${JSON.stringify(echo!.body)})`);
        }
      }
      expect(misrouted, `${misrouted.length} of ${operations.length} operations`).toEqual([]);
      // Each went past the replica that is down, POSTs included (nothing had been sent).
      expect(edge.errors()).toMatch(new RegExp(`connect\\(\\) failed .*127\\.0\\.0\\.1:${deadPort}`));
    });

    it('an unknown API path reaches a service, whose problem+json 404 the client gets', async () => {
      for (const url of ['/api/nope', '/api/v3/tweets?x=1', '/api/v1/nothing/here']) {
        const res = await send(url, { headers: { accept: 'application/json' } });
        expect(res.status, url).toBe(200);
        const echo = (await res.json()) as Echo;
        expect(SERVICE_ROLES as readonly string[], url).toContain(echo.service);
        expect(echo.url).toBe(url);
      }
    });

    it('passes X-Forwarded-For (the client, not what it claims), -Proto, -Host and X-Request-Id', async () => {
      const host = new URL(edge.base).host;
      const res = await send('/api/v2/tweets', { headers: { 'x-forwarded-for': '203.0.113.9' } });
      const { headers } = (await res.json()) as Echo;
      expect(headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(headers['x-forwarded-proto']).toBe('http');
      expect(headers['x-forwarded-host']).toBe(host);
      expect(headers['x-request-id'], 'a request id made by nginx').toMatch(/^[0-9a-f]{32}$/);

      const given = await send('/api/v1/info', { headers: { 'x-request-id': 'req-from-client-1' } });
      expect(((await given.json()) as Echo).headers['x-request-id'], 'the client’s own request id').toBe(
        'req-from-client-1',
      );
    });

    it.each(streamingOperations())('streams Server-Sent Events of %s without buffering', async (path, service) => {
      const controller = new AbortController();
      // The fake sends an event, another 300 ms later, and keeps the response open for
      // 10 s: a buffering proxy would hold the events (and even the head) back until then.
      const deadline = sleep(3000).then(() => 'timeout' as const);
      const res = await Promise.race([
        send(path, {
          headers: { accept: 'text/event-stream', 'x-test-stream': '1' },
          signal: controller.signal,
        }),
        deadline,
      ]);
      if (res === 'timeout') throw new Error('no response head within 3 s: the stream is buffered');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let received = '';
      while (!received.includes('data: second')) {
        const chunk = await Promise.race([reader.read(), deadline]);
        if (chunk === 'timeout')
          throw new Error(
            `the events did not arrive within 3 s: the stream is buffered (got ${JSON.stringify(received)})`,
          );
        if (chunk.done) break;
        received += decoder.decode(chunk.value, { stream: true });
      }
      expect(received).toContain(`data: ${service}`);
      expect(received).toContain('data: second');
      controller.abort();
      await reader.cancel().catch(() => {});
    });

    it('a page is index.html with the security headers and the Content-Security-Policy', async () => {
      // GET /oauth/authorize is the consent page, though identity takes its POST.
      for (const url of [
        '/',
        '/some/page',
        '/u/ada?tab=likes',
        '/t/01JC3Z8Q9M4V7T2R5X6Y8W0ABC',
        '/oauth/authorize?client_id=a',
      ]) {
        const res = await send(url, { headers: { accept: 'text/html' } });
        expect(res.status, url).toBe(200);
        expect(res.headers.get('content-type'), url).toMatch(/^text\/html/);
        expect(await res.text(), url).toBe(web.index);
        expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
        expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
        expect(res.headers.get('x-frame-options'), url).toBe('DENY');
        expect(res.headers.get('referrer-policy'), url).toBe('same-origin');
        expect(res.headers.get('cache-control'), url).toBe('no-cache');
      }
    });

    it('hashed assets are cacheable forever, and a missing one is a 404, not the page', async () => {
      const asset = await send('/assets/index-Ab12Cd34.js');
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await asset.text()).toContain('starling');
      expect((await send('/assets/index-gone.js')).status).toBe(404);
    });

    it('answers /healthz itself; /readyz, /metrics, /docs and /openapi.json are problem+json 404s, not the page', async () => {
      expect((await send('/healthz')).status).toBe(200);
      for (const url of ['/readyz', '/metrics', '/docs', '/docs/', '/openapi.json']) {
        const res = await send(url, { headers: { accept: 'text/html' } });
        expect(res.status, url).toBe(404);
        expect(res.headers.get('content-type'), url).toMatch(/^application\/problem\+json/);
        expect(await res.json(), url).toMatchObject({ status: 404, type: 'urn:starling:problem:not-found' });
      }
    });

    it('limits API requests per client address with a problem+json 429; a service that is down is a problem+json 502', async () => {
      // The file's limit with its burst, but a rate of one a minute so that the count
      // does not depend on how fast this machine sends; and every replica down.
      const burst = Number(/limit_req\s+zone=starling_api\s+burst=(\d+)/.exec(conf)?.[1]);
      expect(burst, 'the burst of limit_req').toBeGreaterThan(0);
      const limited = await startNginx(nginx!, (dir, port) =>
        renderConf({
          dir,
          port,
          webRoot: web.dir,
          upstreams: Object.fromEntries(SERVICE_ROLES.map((s) => [s, [`127.0.0.1:${deadPort}`]])),
          edit: (text) => text.replace(/rate=\d+r\/[sm]/, 'rate=1r/m'),
        }),
      );
      try {
        const total = burst + 30;
        const responses = await Promise.all(Array.from({ length: total }, () => fetch(`${limited.base}/api/v1/info`)));
        const byStatus = new Map<number, Response[]>();
        for (const res of responses) byStatus.set(res.status, [...(byStatus.get(res.status) ?? []), res]);
        const statuses = JSON.stringify(
          Object.fromEntries([...byStatus].map(([status, list]) => [status, list.length])),
        );
        // One request, then the burst, pass (and find no replica up); the rest are refused.
        expect(byStatus.get(502)?.length, statuses).toBe(burst + 1);
        expect(byStatus.get(429)?.length, statuses).toBe(total - burst - 1);

        const tooMany = byStatus.get(429)![0]!;
        expect(tooMany.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(tooMany.headers.get('retry-after')).toBe('1');
        expect(await tooMany.json()).toMatchObject({ status: 429, type: 'urn:starling:problem:too-many-requests' });
        const down = byStatus.get(502)![0]!;
        expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await down.json()).toMatchObject({ status: 502, type: 'urn:starling:problem:bad-gateway' });
        await Promise.all(responses.map((r) => (r.bodyUsed ? undefined : r.body?.cancel())));

        // The web app's files are not counted.
        const pages = await Promise.all(Array.from({ length: 60 }, () => fetch(`${limited.base}/u/ada`)));
        expect(new Set(pages.map((p) => p.status))).toEqual(new Set([200]));
        await Promise.all(pages.map((p) => p.body?.cancel()));
      } finally {
        await limited.stop();
      }
    });
  },
);
