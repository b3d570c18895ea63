// The Markdown table, and the provenance that makes a row in
// bench/RESULTS.md comparable with later ones.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const HEADER = `# Benchmark results

Appended by \`npm run bench\` (see bench/run.js). Each section records one run;
the "bare node http" row is the ceiling: a server that does no work beyond
sending a response of the same size, on the same machine, with the same load.
`;

export const fmt = (n, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? 'n/a'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Table cells must not break the row. */
const cell = (text) => String(text ?? '').replaceAll('|', '\\|');

/**
 * rows: [{ set, mode, n, scenario, rps, p50, p99, errors, timeMs, rssMb, maxRssMb, notes }]
 * `time ms` is the answer of the scenarios that are a duration, not a load (7 and 8);
 * peak RSS is summed over a mode's processes, the largest process beside it.
 */
export function formatTable(rows) {
  const lines = [
    '| set | mode | # | scenario | req/s | p50 ms | p99 ms | errors | time ms | peak RSS MB | largest process MB | notes |',
    '| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${cell(r.set)} | ${cell(r.mode)} | ${r.n ?? ''} | ${cell(r.scenario)} | ${fmt(r.rps, r.rps < 100 ? 1 : 0)} | ${fmt(r.p50, 1)} | ` +
        `${fmt(r.p99, 1)} | ${fmt(r.errors)} | ${r.timeMs == null ? '' : fmt(r.timeMs)} | ${fmt(r.rssMb, 1)} | ` +
        `${fmt(r.maxRssMb, 1)} | ${cell(r.notes)} |`,
    );
  }
  return lines.join('\n');
}

/** Scenario 1 as a share of the ceiling, for each mode of one set. */
export function ratioLine(set, ceiling, rows) {
  const shares = rows
    .filter((r) => r.set === set && r.n === 1)
    .map((r) => `${r.mode} ${fmt(ceiling.rps > 0 ? (r.rps / ceiling.rps) * 100 : NaN, 1)}%`);
  return (
    `Scenario 1 against the ceiling (${set} set, ${fmt(ceiling.bodyBytes)}-byte body, ` +
    `${fmt(ceiling.rps)} req/s): ${shares.join(', ')}.`
  );
}

/** Scenario 10 (Mastodon API) as a share of scenario 1 (Starling's own), per mode of one set. */
export function mastodonLine(set, rows) {
  const shares = rows
    .filter((r) => r.set === set && r.n === 10 && r.rps !== null)
    .flatMap((r) => {
      const own = rows.find((o) => o.set === set && o.mode === r.mode && o.n === 1);
      return own?.rps > 0 ? [`${r.mode} ${fmt((r.rps / own.rps) * 100, 1)}%`] : [];
    });
  return shares.length > 0
    ? `Scenario 10 (Mastodon API home timeline) against scenario 1 (${set} set): ${shares.join(', ')}.`
    : null;
}

const mb = (x) => (x === null || x === undefined ? 'n/a' : fmt(x, 0));

/**
 * Where the memory is, per mode of one set: the process with the largest RSS over the
 * load scenarios, with the peaks of its V8 heap in use and of its external memory (its
 * /metrics, read each second); in distributed mode one entry per role (its largest
 * replica). Streams and cold start are left out: the streams have a target of their
 * own, in their rows.
 */
export function memoryLines(set, rows) {
  const lines = [];
  const modes = [...new Set(rows.filter((r) => r.set === set && r.memory?.length).map((r) => r.mode))];
  for (const mode of modes) {
    const perRole = new Map();
    for (const r of rows.filter((r) => r.set === set && r.mode === mode && r.memory && ![8, 11, 12].includes(r.n))) {
      for (const p of r.memory) {
        const seen = perRole.get(p.role);
        if (p.rssMb === null) continue;
        perRole.set(p.role, {
          role: p.role,
          rssMb: Math.max(seen?.rssMb ?? 0, p.rssMb),
          n: !seen || p.rssMb > seen.rssMb ? r.n : seen.n,
          heapUsedMb: Math.max(seen?.heapUsedMb ?? 0, p.heapUsedMb ?? 0),
          externalMb: Math.max(seen?.externalMb ?? 0, p.externalMb ?? 0),
        });
      }
    }
    const roles = [...perRole.values()].sort((a, b) => b.rssMb - a.rssMb);
    if (roles.length === 0) continue;
    const describe = (p) =>
      `${p.role} ${mb(p.rssMb)} MB RSS (scenario ${p.n}), heap used ${mb(p.heapUsedMb)}, external ${mb(p.externalMb)}`;
    lines.push(
      mode === 'distributed'
        ? `Memory per role (${set}/${mode}; peaks over the load scenarios, MB; the largest replica of each): ${roles.map(describe).join('; ')}.`
        : `Memory (${set}/${mode}; peaks over the load scenarios): ${describe(roles[0])}, in MB.`,
    );
  }
  return lines;
}

const SHORT = {
  1: 'home',
  2: 'public',
  3: 'tweet',
  4: 'post',
  5: 'login',
  6: 'mixed',
  7: 'fan-out',
  8: 'cold start',
  9: 'media',
  10: 'mastodon home',
  11: 'SSE streams',
  12: 'WebSocket streams',
  13: 'notifications',
  14: 'mail',
  15: 'webhooks',
};
/** Scenarios that are a duration: their growth is of `time ms`, the others' of p99. */
const TIMED = new Set([7, 8, 11, 12, 13]);

/**
 * How cost grows with size: p99 of each load scenario (time for the durations), large
 * set over small, per mode. Only when both sets ran.
 */
export function growthLine(rows) {
  const modes = [...new Set(rows.filter((r) => r.set === 'large').map((r) => r.mode))];
  const parts = [];
  for (const mode of modes) {
    const factors = [];
    for (const small of rows.filter((r) => r.set === 'small' && r.mode === mode && r.n)) {
      const large = rows.find((r) => r.set === 'large' && r.mode === mode && r.n === small.n);
      const key = TIMED.has(small.n) ? 'timeMs' : 'p99';
      if (!large || !(small[key] > 0) || !(large[key] > 0)) continue;
      factors.push(`${SHORT[small.n]} ×${fmt(large[key] / small[key], 1)}`);
    }
    if (factors.length > 0) parts.push(`${mode}: ${factors.join(', ')}`);
  }
  return parts.length > 0
    ? `Growth from the small set to the large (p99; time for fan-out, cold start, streams and notifications), large ÷ small: ${parts.join('; ')}.`
    : null;
}

function git(args, cwd) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** Short commit hash, "-dirty" when the tree has changes; "uncommitted" without a commit. */
export function gitRevision(cwd) {
  let rev;
  try {
    rev = git(['rev-parse', '--short', 'HEAD'], cwd);
  } catch {
    return 'uncommitted';
  }
  try {
    // Earlier results appended to RESULTS.md are not a change to what is measured.
    if (git(['status', '--porcelain', '--', '.', ':!bench/RESULTS.md'], cwd) !== '') rev += '-dirty';
  } catch {
    // A revision without a dirty flag is still useful.
  }
  return rev;
}

export function machineDescription() {
  const cpus = os.cpus();
  const model = cpus[0]?.model?.trim() ?? 'unknown CPU';
  const memGb = os.totalmem() / 1024 ** 3;
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `${cpus.length} cores, ${model}, ${fmt(memGb, 1)} GB RAM, node ${process.version}, load average at start ${load}`;
}

/** The command line that reproduces this run. */
export function commandLine(argv) {
  return argv.length > 0 ? `npm run bench -- ${argv.join(' ')}` : 'npm run bench';
}

/** Append one run's section to RESULTS.md, creating the file if needed. */
export function appendResults(file, { date, revision, machine, command, details = [], table, lines = [] }) {
  if (!existsSync(file)) writeFileSync(file, HEADER);
  const section = [
    '',
    `## ${date}`,
    '',
    `- commit: ${revision}`,
    `- machine: ${machine}`,
    `- command: \`${command}\``,
    ...details.map((d) => `- ${d}`),
    '',
    table,
    '',
    ...lines.flatMap((l) => [l, '']),
  ].join('\n');
  appendFileSync(file, section);
}
