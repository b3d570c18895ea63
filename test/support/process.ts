import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/*
 * Runs the built `starling` command as a child process: bin/starling.js loads
 * apps/cli/dist, so run `npm run build` after changing any source.
 */
export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/starling.js');
export const CLI_DIST = join(ROOT, 'apps/cli/dist/main.js');

export interface Exit {
  code: number | null;
  /** The signal that ended it, if one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const children = new Set<ChildProcess>();

/** SIGKILLs every `starling` this module spawned that is still running (for an afterEach/afterAll). */
export function killStarlings(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
}

/**
 * Spawns `node bin/starling.js ...args` with this process's environment (but NATS_URL)
 * plus `env`; a variable given as undefined is removed from the child's environment.
 */
export function spawnStarling(
  args: string[],
  env: Record<string, string | undefined> = {},
): { child: ChildProcess; exited: Promise<Exit> } {
  // NATS is opted into (the distributed suites pass NATS_URL with a prefix of their
  // own): streams shared by unrelated test servers would mix their events.
  const merged: Record<string, string | undefined> = { ...process.env, NATS_URL: undefined, ...env };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: merged });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<Exit>((done) =>
    child.once('close', (code, signal) => done({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

/** Runs a `starling` command to completion. */
export const runStarling = (args: string[], env: Record<string, string | undefined> = {}) =>
  spawnStarling(args, env).exited;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

export interface ApiInit {
  method?: string;
  json?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

/** fetch() against `base`, with JSON bodies and bearer tokens made easy. */
export const apiClient =
  (base: string) =>
  (path: string, init: ApiInit = {}): Promise<Response> =>
    fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    });

export interface StartedServer {
  port: number;
  /** http://127.0.0.1:PORT */
  base: string;
  child: ChildProcess;
  exited: Promise<Exit>;
  /** fetch() against the server, with JSON bodies and bearer tokens made easy. */
  api(path: string, init?: ApiInit): Promise<Response>;
  /** SIGTERM, then the exit. */
  stop(): Promise<Exit>;
}

/**
 * Runs `starling start` (or `starling start <role>`, one process of the distributed
 * mode) on a free port (or on `env.PORT`, for a suite that must name its address
 * beforehand, in PUBLIC_URL say) and waits (bounded) until /readyz answers 200.
 */
export async function startServer(env: Record<string, string | undefined>, role?: string): Promise<StartedServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const args = role ? ['start', role] : ['start'];
  const { child, exited } = spawnStarling(args, { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  let ended: Exit | undefined;
  void exited.then((e) => (ended = e));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (ended) {
      const how = ended.signal ? `was killed by ${ended.signal}` : `exited with ${ended.code}`;
      throw new Error(`starling start ${how} before it was ready:\n${ended.stderr}${ended.stdout}`);
    }
    const status = await fetch(`${base}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('starling start did not become ready within 60 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const api = apiClient(base);
  const stop = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  return { port, base, child, exited, api, stop };
}
