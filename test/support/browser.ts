import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { CLI_DIST, ROOT, killStarlings, startServer, type StartedServer } from './process.js';
import { createDatabase, natsNamespace } from './starling.js';
import { startTopology } from './topology.js';

/*
 * Browser journeys run Debian's Chromium (`apt-get install chromium`; .ci/run installs
 * it) through playwright-core, against a real `starling start`. No browser is ever
 * downloaded: a missing Chromium fails the suite, saying how to install it.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Waits in the browser journeys never exceed this. */
export const WAIT_MS = 10_000;

export const PASSWORD = 'correct horse battery';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. The browser tests use Debian's Chromium: ` +
        'install it with `apt-get install -y chromium` (CI does this in .ci/run), ' +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** What went wrong in a page: console errors (CSP violations among them), uncaught exceptions, dialogs. */
export interface PageProblems {
  /** Console errors and uncaught exceptions, except the expected ones listed below. */
  errors: string[];
  /** Console messages about the Content Security Policy (a subset of `errors`). */
  csp: string[];
  /** window.alert/confirm/prompt calls; each is dismissed. */
  dialogs: string[];
  /**
   * API answers the browser logged as failed loads with a 4xx status (a 401 from
   * /auth/me while logged out, a 409 for a taken username): expected outcomes the
   * app handles, so not errors.
   */
  apiRejections: string[];
}

export interface Session {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  /** Absolute URL on the server under test. */
  url(path: string): string;
  /** Takes the context offline or back; failed loads while offline are expected, not errors. */
  setOffline(offline: boolean): Promise<void>;
}

const describeMessage = (message: ConsoleMessage) => {
  const { url, lineNumber } = message.location();
  return `${message.text()}${url ? ` (${url}${lineNumber ? `:${lineNumber}` : ''})` : ''}`;
};

/** Opens a fresh context and page on `base`, recording everything that went wrong. */
export async function openSession(
  browser: Browser,
  base: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  const page = await context.newPage();
  const problems: PageProblems = { errors: [], csp: [], dialogs: [], apiRejections: [] };
  let offline = false;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const from = message.location().url ?? '';
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text) && from.includes('/api/')) {
      problems.apiRejections.push(describeMessage(message));
      return;
    }
    if (offline && /ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(text)) return;
    if (/Content Security Policy/i.test(text)) problems.csp.push(describeMessage(message));
    problems.errors.push(describeMessage(message));
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.stack ?? error.message}`));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return {
    context,
    page,
    problems,
    url: (path) => new URL(path, base).toString(),
    async setOffline(value) {
      if (value) offline = true;
      await context.setOffline(value);
      // Messages about loads that failed while offline may arrive a moment later.
      if (!value) setTimeout(() => (offline = false), 1000);
    },
  };
}

/**
 * The browser for a file's tests: launched before them, closed after. If it cannot be
 * launched, every test fails with the reason (rather than being reported as skipped).
 */
export function useBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      browser = await launchChromium();
    } catch (error) {
      failure = error;
    }
  });
  beforeEach(() => {
    if (failure) throw failure;
  });
  afterAll(async () => browser?.close());
  return {
    get browser() {
      if (failure) throw failure;
      if (!browser) throw new Error('The browser is not launched yet: use it inside a test or a later hook');
      return browser;
    },
  };
}

/**
 * A fresh context and page for every test, on the given server; closed after the test.
 * Declare after useBrowser() and useServer().
 */
export function useSession(
  browser: { readonly browser: Browser },
  server: { readonly base: string },
  options: { viewport?: { width: number; height: number } } = {},
): Session {
  let current: Session | undefined;
  beforeEach(async () => {
    current = await openSession(browser.browser, server.base, options);
  });
  afterEach(async () => {
    await current?.context.close();
    current = undefined;
  });
  return new Proxy({} as Session, {
    get(_target, key) {
      if (!current) throw new Error('No browser session: use it inside a test');
      return current[key as keyof Session];
    },
  });
}

const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');

/** How a journey's Starling runs: one embedded process, or the distributed topology. */
export interface ServerMode {
  title: string;
  distributed: boolean;
  /** Why it cannot run here, if it cannot. */
  missing?: string | undefined;
}

export const serverModes: ServerMode[] = [
  { title: 'on `starling start` (embedded)', distributed: false },
  {
    title: 'through the gateway of `starling up --distributed`',
    distributed: true,
    missing: !process.env.DATABASE_URL
      ? 'DATABASE_URL is not set'
      : !process.env.NATS_URL
        ? 'NATS_URL is not set'
        : undefined,
  },
];

export const serverModeTitle = (mode: ServerMode) =>
  mode.missing ? `${mode.title} (skipped: ${mode.missing})` : mode.title;

/**
 * A real Starling for a file's tests, stopped with SIGTERM after them: by default
 * `node bin/starling.js start` on a free port and a fresh temporary DATA_DIR (embedded
 * storage, DATABASE_URL removed); in the distributed mode `starling up --distributed`
 * on a fresh PostgreSQL database and NATS streams of its own, reached through its gateway.
 */
export function useServer(env: Record<string, string> = {}, mode?: ServerMode): StartedServer {
  let server: StartedServer | undefined;
  let dataDir: string | undefined;
  let failure: unknown;
  const cleanups: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    try {
      for (const built of [CLI_DIST, WEB_INDEX]) {
        if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` before the browser tests.`);
      }
      if (mode?.distributed) {
        const database = await createDatabase();
        const bus = natsNamespace();
        cleanups.push(
          () => database.drop(),
          () => bus.drop(),
        );
        const topology = await startTopology({
          LOGIN_RATE_LIMIT: '1000/60',
          SIGNUP_RATE_LIMIT: '100000/60',
          ...env,
          ...bus.env,
          DATABASE_URL: database.url,
        });
        server = {
          port: Number(new URL(topology.base).port),
          base: topology.base,
          child: topology.child,
          exited: topology.exited,
          api: topology.api,
          stop: () => topology.stop(),
        };
        return;
      }
      dataDir = mkdtempSync(join(tmpdir(), 'starling-e2e-'));
      server = await startServer({
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT: '1000/60',
        SIGNUP_RATE_LIMIT: '100000/60',
        ...env,
        DATA_DIR: dataDir,
        DATABASE_URL: undefined,
      });
    } catch (error) {
      failure = error;
    }
  });
  // A server that did not start fails every test with the reason.
  beforeEach(() => {
    if (failure) throw failure;
  });
  afterAll(async () => {
    try {
      if (server) {
        const stopping = server.stop();
        const exit = await Promise.race([stopping, new Promise((r) => setTimeout(r, 15_000))]);
        if (!exit) killStarlings();
      }
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      for (const cleanup of cleanups) await cleanup().catch(() => {});
    }
  });
  return new Proxy({} as StartedServer, {
    get(_target, key) {
      if (failure) throw failure;
      if (!server) throw new Error('The server is not started yet: use it inside a test or a later hook');
      return server[key as keyof StartedServer];
    },
  });
}

/** Signs a user up and logs in through the API: their id and a bearer token. */
export async function signUpViaApi(
  server: StartedServer,
  username: string,
  name = `Name of ${username}`,
): Promise<{ id: string; token: string; username: string; name: string }> {
  const created = await server.api('/api/v1/users', {
    method: 'POST',
    json: { username, name, email: `${username}@example.com`, password: PASSWORD },
  });
  if (created.status !== 201)
    throw new Error(`sign-up of ${username} failed: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  return { id, username, name, token: await loginViaApi(server, username) };
}

export async function loginViaApi(server: StartedServer, username: string, password = PASSWORD): Promise<string> {
  const login = await server.api('/api/v1/auth/login', { method: 'POST', json: { username, password } });
  if (login.status !== 200) throw new Error(`login of ${username} failed: ${login.status} ${await login.text()}`);
  return ((await login.json()) as { access_token: string }).access_token;
}

export async function tweetViaApi(server: StartedServer, token: string, body: string): Promise<{ id: string }> {
  const posted = await server.api('/api/v2/tweets', { method: 'POST', token, json: { body } });
  if (posted.status !== 201) throw new Error(`tweet failed: ${posted.status} ${await posted.text()}`);
  return (await posted.json()) as { id: string };
}

/** `follower` (by token) follows the user with id `followedId` through the API. */
export async function followViaApi(server: StartedServer, token: string, followedId: string): Promise<void> {
  const followed = await server.api(`/api/v1/users/${followedId}/follow`, { method: 'POST', token });
  if (followed.status !== 200) throw new Error(`follow failed: ${followed.status} ${await followed.text()}`);
}
