import type { ChildProcess } from 'node:child_process';
export { eventually } from './assertions.js';
import { apiClient, freePort, spawnStarling, type ApiInit, type Exit } from './process.js';

/** One process of `starling up --distributed`, as its output announced it. */
export interface Member {
  role: string;
  replica: number;
  port: number;
  pid: number;
}

export interface Topology {
  /** The gateway: http://127.0.0.1:PORT */
  base: string;
  child: ChildProcess;
  exited: Promise<Exit>;
  /** Everything `starling up` printed so far. */
  output(): string;
  /** The live process of each role and replica (the latest after a restart). */
  members(): Member[];
  member(role: string, replica?: number): Member;
  /** fetch() through the gateway, with JSON bodies and bearer tokens made easy. */
  api(path: string, init?: ApiInit): Promise<Response>;
  /** Waits (bounded) until every process answers /readyz with 200. */
  ready(timeoutMs?: number): Promise<void>;
  stop(): Promise<Exit>;
}

const LINE = /(started|restarted) role=(\S+) replica=(\d+) port=(\d+) pid=(\d+)/g;

/** Runs `starling up --distributed` with `args` and waits until every process is ready. */
export async function startTopology(env: Record<string, string | undefined>, args: string[] = []): Promise<Topology> {
  const gatewayPort = await freePort();
  // A block of ports nobody is likely to use, below the ephemeral range (32768 and up on
  // Linux), where any outgoing connection may take one; the processes fail loudly if one is taken.
  const basePort = 20_000 + Math.floor(Math.random() * 120) * 100;
  const { child, exited } = spawnStarling(['up', '--distributed', '--base-port', String(basePort), ...args], {
    LOG_LEVEL: 'warn',
    ...env,
    PORT: String(gatewayPort),
    HOST: '127.0.0.1',
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const base = `http://127.0.0.1:${gatewayPort}`;
  const members = () => {
    const latest = new Map<string, Member>();
    for (const m of out.matchAll(LINE)) {
      const member = { role: m[2]!, replica: Number(m[3]), port: Number(m[4]), pid: Number(m[5]) };
      latest.set(`${member.role}#${member.replica}`, member);
    }
    return [...latest.values()];
  };
  const topology: Topology = {
    base,
    child,
    exited,
    output: () => out,
    members,
    member(role, replica = 1) {
      const found = members().find((m) => m.role === role && m.replica === replica);
      if (!found) throw new Error(`no ${role} #${replica} in:\n${out}`);
      return found;
    },
    api: apiClient(base),
    async ready(timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`starling up exited:\n${out}`);
        const all = members();
        const statuses = await Promise.all(
          all.map((m) =>
            fetch(`http://127.0.0.1:${m.port}/readyz`).then(
              (r) => r.status,
              () => 0,
            ),
          ),
        );
        if (all.length > 0 && statuses.every((s) => s === 200)) return;
        if (Date.now() > deadline) {
          const waiting = all.filter((_, i) => statuses[i] !== 200).map((m) => `${m.role}#${m.replica}`);
          throw new Error(`not ready within ${timeoutMs} ms: ${waiting.join(', ')}\n${out.slice(-5000)}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  await topology.ready();
  return topology;
}
