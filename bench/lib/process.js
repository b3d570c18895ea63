// Child-process plumbing: free ports, spawning node scripts, readiness
// polling, orderly shutdown and RSS sampling.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Ask the kernel for a free port by binding port 0, then release it. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Keep only the last `limit` characters of a stream, for error reports; `onLine`, when
 * given, hears every complete line (how `starling up` tells us its pids).
 */
function tail(stream, limit = 64 * 1024, onLine = null) {
  let text = '';
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    text = (text + chunk).slice(-limit);
    if (!onLine) return;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) onLine(line);
  });
  return () => text;
}

/**
 * Spawn `node <script> ...args` directly (not through npm or a shell) so the
 * pid we hold is the server itself: RSS sampling and signals then hit the
 * right process.
 */
export function spawnNode(script, args, { env, cwd, onLine = null }) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Both pipes must be drained, or a chatty child blocks on a full pipe.
  const stdout = tail(child.stdout, undefined, onLine);
  const stderr = tail(child.stderr);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  // A spawn failure (e.g. ENOENT) is reported through 'exit' as well; keep
  // the 'error' event from crashing the harness.
  child.once('error', (err) => {
    child.spawnError = err;
  });
  return { child, exited, stdout, stderr };
}

export function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Error carrying the child's captured output, printed by the caller. */
export class ChildError extends Error {
  constructor(message, output) {
    super(message);
    this.output = output;
  }
}

/** Poll `url` until it answers 200, the child dies, or the timeout passes. */
export async function waitForReady(url, proc, { timeoutMs = 60_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(proc.child)) {
      const how = proc.child.spawnError?.message ?? `exit code ${proc.child.exitCode}, signal ${proc.child.signalCode}`;
      throw new ChildError(`process exited before ${url} was ready (${how})`, proc.stderr() || proc.stdout());
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // Not listening yet: keep polling.
    }
    await sleep(intervalMs);
  }
  throw new ChildError(`timed out after ${timeoutMs / 1000} s waiting for ${url}`, proc.stderr() || proc.stdout());
}

/** SIGTERM, wait for exit; SIGKILL only if the child ignores us. True if it exited on its own. */
export async function stopChild(proc, { graceMs = 10_000 } = {}) {
  const { child } = proc;
  if (hasExited(child)) return true;
  child.kill('SIGTERM');
  const graceful = await Promise.race([proc.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!graceful) {
    console.error(`pid ${child.pid} did not exit within ${graceMs / 1000} s of SIGTERM; killing`);
    child.kill('SIGKILL');
    await proc.exited;
  }
  return graceful;
}

/** The command line of a live process, or null (gone, or no /proc). */
export function commandOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return null;
  }
}

/** Current resident set size in kB, or null where /proc is unavailable. */
function readRssKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Sample the RSS of a set of processes periodically and remember two peaks: of their
 * sum (what the deployment costs) and of the largest single process (what one box or
 * container must hold). `pids` is a function, so processes that a supervisor restarts
 * mid-run are followed. The kernel's VmHWM would give each process's lifetime peak,
 * including start-up and earlier scenarios; sampling brackets just one scenario.
 */
export function startRssSampler(pids, intervalMs = 200) {
  const list = typeof pids === 'function' ? pids : () => [pids];
  let peakSumKb = null;
  let peakOneKb = null;
  let largestPid = null;
  const peakKb = new Map(); // pid → its own peak
  const sample = () => {
    let sum = null;
    for (const pid of list()) {
      const kb = readRssKb(pid);
      if (kb === null) continue;
      sum = (sum ?? 0) + kb;
      if (kb > (peakKb.get(pid) ?? 0)) peakKb.set(pid, kb);
      if (peakOneKb === null || kb > peakOneKb) {
        peakOneKb = kb;
        largestPid = pid;
      }
    }
    if (sum !== null && (peakSumKb === null || sum > peakSumKb)) peakSumKb = sum;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  const mb = (kb) => (kb === null ? null : kb / 1024);
  return {
    /**
     * Stop sampling; returns the peaks in MB (null where never readable), whose the
     * largest was, and each process's own peak (`peaks`: pid → MB).
     */
    stop() {
      clearInterval(timer);
      sample();
      const peaks = new Map([...peakKb].map(([pid, kb]) => [pid, mb(kb)]));
      return { rssMb: mb(peakSumKb), maxRssMb: mb(peakOneKb), largestPid, peaks };
    },
  };
}
