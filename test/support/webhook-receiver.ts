import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What it was answered, once answered; never set for a request whose sender left first. */
  status?: number;
}

/**
 * A webhook receiver on 127.0.0.1, started before the suite's tests: every request is
 * recorded; `/<name>` answers the next status of its script (then 200), after `slow`
 * ms when set, and `/redirect` redirects to `/moved`. `overlapping` lists the
 * `webhook-id`s that arrived while the same id was still being answered. `hold()` keeps
 * every answer back until `release()`, which answers only the requests whose connection
 * is still open: a sender that died waiting never learnt of the delivery.
 */
export function receiver() {
  const received: Received[] = [];
  const scripts = new Map<string, number[]>();
  const slow = new Map<string, number>();
  const answering = new Set<string>();
  const overlapping: string[] = [];
  let holding = false;
  const held: Array<{ open: () => boolean; answer: () => void }> = [];
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const got: Received = { path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        received.push(got);
        const id = String(req.headers['webhook-id']);
        if (answering.has(id)) overlapping.push(id);
        answering.add(id);
        const name = path.slice(1);
        const status = name === 'redirect' ? 307 : (scripts.get(name)?.shift() ?? 200);
        const answer = () => {
          answering.delete(id);
          got.status = status;
          if (status === 307) return res.writeHead(307, { location: `http://127.0.0.1:${port}/moved` }).end();
          res.writeHead(status, { 'content-type': 'text/plain' }).end(`answer ${status}`);
        };
        const wait = slow.get(name);
        if (holding) held.push({ open: () => !res.destroyed && !req.socket.destroyed, answer });
        else if (wait) setTimeout(answer, wait);
        else answer();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    url: (name: string) => `http://127.0.0.1:${port}/${name}`,
    port: () => port,
    at: (name: string) => received.filter((r) => r.path === `/${name}`),
    overlapping: () => overlapping,
    /** The next answers of `/<name>`, in order. */
    script: (name: string, statuses: number[]) => scripts.set(name, [...statuses]),
    slow: (name: string, ms: number) => slow.set(name, ms),
    /** Keeps every answer back from now on. */
    hold: () => {
      holding = true;
    },
    /** How many requests wait for their answer. */
    waiting: () => held.length,
    /** Answers every held request whose connection is still open, and no longer holds. */
    release: () => {
      holding = false;
      for (const { open, answer } of held.splice(0)) if (open()) answer();
    },
  };
}
