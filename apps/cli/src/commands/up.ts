import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, sealKeyOf } from '@starling/kit';
import { ROLE_NAMES, roleNamed, SERVICES, urlVariable } from '../topology.js';

// This package's own command (apps/cli/bin), the same from src/commands and dist/commands.
const BIN = fileURLToPath(new URL('../../bin/starling.js', import.meta.url));

const USAGE = `Usage: starling up --distributed [--replicas ROLE=N,...] [--base-port N]

Runs the distributed topology as processes on this machine, against DATABASE_URL
(PostgreSQL) and NATS_URL (NATS with JetStream): the gateway on PORT (default 3000),
every service and every worker on ports from --base-port (default 3100) upwards.
A process that dies is started again; Ctrl-C or SIGTERM stops them all.

  --replicas tweets=2,timeline-worker=2   replicas of a role (default 1 each)
  roles: ${ROLE_NAMES.join(', ')}`;

interface Member {
  role: string;
  replica: number;
  port: number;
  child?: ChildProcess;
  restarts: number;
}

export async function upCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      distributed: { type: 'boolean', default: false },
      replicas: { type: 'string', default: '' },
      'base-port': { type: 'string', default: '3100' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.distributed) throw new ConfigError(`up runs the distributed mode only: pass --distributed\n\n${USAGE}`);
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new ConfigError('starling up --distributed needs DATABASE_URL (PostgreSQL)');
  if (!config.NATS_URL) throw new ConfigError('starling up --distributed needs NATS_URL (NATS with JetStream)');
  const replicas = parseReplicas(values.replicas);
  const basePort = Number(values['base-port']);
  if (!Number.isInteger(basePort) || basePort < 1 || basePort > 65000)
    throw new ConfigError('--base-port must be a port number');

  // Services and workers listen on loopback ports; the gateway is the only way in.
  const members: Member[] = [];
  let next = basePort;
  for (const role of ROLE_NAMES) {
    for (let replica = 1; replica <= (replicas.get(role) ?? 1); replica++) {
      members.push({ role, replica, port: role === 'gateway' ? config.PORT : next++, restarts: 0 });
    }
  }
  const where = Object.fromEntries(
    SERVICES.map(({ name: service }) => [
      urlVariable(service),
      members
        .filter((m) => m.role === service)
        .map((m) => `http://127.0.0.1:${m.port}`)
        .join(','),
    ]),
  );

  // One key for every process, or a token identity seals the notify worker cannot open:
  // MAIL_SEAL_KEY when set, otherwise the one kept under DATA_DIR (made now, before any
  // process could race to make it), which later runs keep using.
  let mailSealKey: string;
  try {
    mailSealKey = sealKeyOf(config).toString('base64url');
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }

  let stopping = false;
  const launch = (m: Member) => {
    const internal = m.role !== 'gateway';
    const child = spawn(process.execPath, [BIN, 'start', m.role], {
      stdio: ['ignore', 'inherit', 'inherit'],
      // Services hear only the gateway, which passes the client's address on: they trust
      // it, or every login would count against one address (the gateway's).
      env: {
        ...process.env,
        ...where,
        MAIL_SEAL_KEY: mailSealKey,
        PORT: String(m.port),
        ...(internal ? { HOST: '127.0.0.1', TRUST_PROXY: 'true' } : {}),
      },
    });
    m.child = child;
    say(`${m.restarts ? 'restarted' : 'started'} role=${m.role} replica=${m.replica} port=${m.port} pid=${child.pid}`);
    child.once('exit', (code, signal) => {
      if (stopping) return;
      m.restarts += 1;
      say(
        `role=${m.role} replica=${m.replica} pid=${child.pid} exited (${signal ?? `code ${code}`}); starting it again`,
      );
      setTimeout(() => !stopping && launch(m), Math.min(m.restarts, 5) * 500).unref();
    });
  };
  for (const m of members) launch(m);
  say(`Starling is starting at http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`);

  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      say(`${signal}: stopping ${members.length} processes`);
      const running = members
        .map((m) => m.child)
        .filter((c): c is ChildProcess => !!c && c.exitCode === null && c.signalCode === null);
      const kill = setTimeout(() => running.forEach((c) => c.kill('SIGKILL')), (config.SHUTDOWN_TIMEOUT + 5) * 1000);
      Promise.all(
        running.map((c) => new Promise((done) => (c.exitCode !== null ? done(null) : c.once('exit', done)))),
      ).then(() => {
        clearTimeout(kill);
        say('stopped');
        resolve(0);
      });
      for (const c of running) c.kill('SIGTERM');
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

function parseReplicas(spec: string): Map<string, number> {
  const replicas = new Map<string, number>();
  for (const part of spec.split(',').filter(Boolean)) {
    const [role, count] = part.split('=');
    const n = Number(count);
    if (!role || !roleNamed(role))
      throw new ConfigError(`--replicas: unknown role "${role}"; one of: ${ROLE_NAMES.join(', ')}`);
    if (!Number.isInteger(n) || n < 1 || n > 32)
      throw new ConfigError(`--replicas: ${role} needs a count from 1 to 32`);
    replicas.set(role, n);
  }
  return replicas;
}

const say = (line: string) => console.log(`starling up: ${line}`);
