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

const fmt = (n, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? 'n/a'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** rows: [{ scenario, rps, p50, p99, errors, rssMb }] */
export function formatTable(rows) {
  const lines = [
    '| scenario | req/s | p50 ms | p99 ms | errors | peak RSS MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.scenario} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.errors)} | ${fmt(r.rssMb, 1)} |`,
    );
  }
  return lines.join('\n');
}

export function ratioLine(scenarioRps, ceilingRps) {
  const pct = ceilingRps > 0 ? (scenarioRps / ceilingRps) * 100 : NaN;
  return `ratio to ceiling: ${fmt(pct, 1)}%`;
}

function git(args, cwd) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** Short commit hash, "+dirty" when the tree has changes; "uncommitted" without a commit. */
export function gitRevision(cwd) {
  let rev;
  try {
    rev = git(['rev-parse', '--short', 'HEAD'], cwd);
  } catch {
    return 'uncommitted';
  }
  try {
    // Earlier results appended to RESULTS.md are not a change to what is measured.
    if (git(['status', '--porcelain', '--', '.', ':!bench/RESULTS.md'], cwd) !== '') rev += '+dirty';
  } catch {
    // A revision without a dirty flag is still useful.
  }
  return rev;
}

export function machineDescription() {
  const cpus = os.cpus();
  const model = cpus[0]?.model?.trim() ?? 'unknown CPU';
  const memGb = os.totalmem() / 1024 ** 3;
  return `${cpus.length} cores, ${model}, ${fmt(memGb, 1)} GB RAM, node ${process.version}`;
}

/** The command line that reproduces this run. */
export function commandLine(argv) {
  return argv.length > 0 ? `npm run bench -- ${argv.join(' ')}` : 'npm run bench';
}

/** Append one run's section to RESULTS.md, creating the file if needed. */
export function appendResults(file, { date, revision, machine, command, table, ratio }) {
  if (!existsSync(file)) writeFileSync(file, HEADER);
  const section = [
    '',
    `## ${date}`,
    '',
    `- commit: ${revision}`,
    `- machine: ${machine}`,
    `- command: \`${command}\``,
    '',
    table,
    '',
    ratio,
    '',
  ].join('\n');
  appendFileSync(file, section);
}
