// The issue's targets ("Performance, second round"), each checked against what this run
// measured: one line per target with the figures, the target, and met / not met, or n/a
// where the run did not measure it (no large set, a smoke run's smaller counts).
import { fmt } from './report.js';

const LARGE_POSTS_PER_SECOND = 1_500;
const POST_SECONDS = 60;
const POST_P99_MS = 50;
const FANOUT_FOLLOWERS = 100_000;
const FANOUT_MS = 1_000;
const GATEWAY_SHARE = 0.6;
const POSTGRES_SHARE = 0.4;
const POSTGRES_HOME_P99_MS = 10;
const EMBEDDED_SHARE = 0.3;
const MASTODON_SHARE = 0.8;
const STREAMS = 10_000;
const STREAM_MS = 2_000;
const STREAM_RSS_MB = 600;
const MEDIA_P99_FACTOR = 1.5;
const MEDIA_RATE_SHARE = 0.8;
const LIKES = 10_000;
const RECORDED_MS = 5_000;
const EMBEDDED_RSS_MB = 350;
const ROLE_RSS_MB = 150;
const COLD_START_MS = 1_500;

/** Scenarios whose memory is judged by their own target or is not a load: cold start, the streams. */
const NOT_LOAD = new Set([8, 11, 12]);

const pct = (x) => `${fmt(x * 100, 1)}%`;
/** A target's share, as the issue writes it. */
const share = (x) => `${Math.round(x * 100)}%`;
const ms = (x) => `${fmt(x, x < 100 ? 1 : 0)} ms`;
const mb = (x) => `${fmt(x, 0)} MB`;

/** A part of a target's line: where it was measured, what, and whether it meets it (null: not applicable). */
const part = (where, text, ok) => ({ where, text, ok });

/** met when every applicable part is, not met when one is not, n/a when none applies. */
function verdict(parts) {
  const applicable = parts.filter((p) => p.ok !== null);
  if (applicable.length === 0) return 'n/a';
  return applicable.every((p) => p.ok) ? 'met' : 'not met';
}

function line(target, parts, missing = 'not measured in this run') {
  const shown =
    parts.length === 0
      ? missing
      : parts.map((p) => `${p.where}: ${p.text}${p.ok === null ? ' (n/a)' : p.ok ? '' : ' ✗'}`).join('; ');
  return `- ${target}: ${shown}: **${verdict(parts)}**`;
}

const find = (rows, set, mode, n) => rows.find((r) => r.set === set && r.mode === mode && r.n === n && r.rps !== null);
const sets = (rows) => [...new Set(rows.map((r) => r.set))];
const ceilingOf = (rows, set) => rows.find((r) => r.set === set && r.mode === 'bare node http');
const measured = (r) => r && !String(r.notes ?? '').startsWith('FAILED');

function posting(rows) {
  const parts = [];
  for (const r of rows.filter((r) => r.n === 4 && r.mode === 'postgres' && measured(r))) {
    const rb = r.readBack ?? { checked: 0, misses: 0 };
    const text =
      `${fmt(r.rps)} tweets/s for ${fmt(r.seconds)} s, ${fmt(r.errors)} errors, p99 ${ms(r.p99)}, ` +
      `reads own write ${fmt(rb.checked - rb.misses)}/${fmt(rb.checked)}`;
    const ok =
      r.set !== 'large'
        ? null
        : r.rps >= LARGE_POSTS_PER_SECOND &&
          r.seconds >= POST_SECONDS &&
          r.errors === 0 &&
          r.p99 <= POST_P99_MS &&
          rb.checked > 0 &&
          rb.misses === 0;
    parts.push(part(`${r.set} set`, text, ok));
  }
  return line(
    `posting, PostgreSQL mode, large set (≥ ${fmt(LARGE_POSTS_PER_SECOND)} tweets/s for ${POST_SECONDS} s, no errors, p99 ≤ ${POST_P99_MS} ms, reads own write)`,
    parts,
  );
}

function fanout(rows) {
  const parts = rows
    .filter((r) => r.n === 7 && measured(r))
    .map((r) => {
      const big = (r.followers ?? 0) >= FANOUT_FOLLOWERS;
      const text =
        `${r.timeMs == null ? 'not all watched homes had it' : `last watched home after ${ms(r.timeMs)}`}` +
        (big ? '' : ` (most followed account: ${fmt(r.followers)} followers)`);
      return part(`${r.set}/${r.mode}`, text, big ? r.timeMs != null && r.timeMs <= FANOUT_MS && r.errors === 0 : null);
    });
  return line(
    `fan-out (a post by an account with ${fmt(FANOUT_FOLLOWERS)} followers in every watched home within ${FANOUT_MS / 1000} s)`,
    parts,
  );
}

function shareOf(rows, target, { mode, of, share, p99 }) {
  const parts = [];
  for (const set of sets(rows)) {
    const r = find(rows, set, mode, 1);
    const base = of === 'ceiling' ? ceilingOf(rows, set) : find(rows, set, of, 1);
    if (!measured(r) || !base || !(base.rps > 0)) continue;
    const ratio = r.rps / base.rps;
    const p99ok = p99 === undefined || r.p99 <= p99;
    parts.push(
      part(
        `${set} set`,
        `${fmt(r.rps)} req/s, ${pct(ratio)} of ${of === 'ceiling' ? 'the ceiling' : of}` +
          (p99 === undefined ? '' : `, p99 ${ms(r.p99)}`),
        ratio >= share && p99ok,
      ),
    );
  }
  return line(target, parts);
}

function mastodon(rows) {
  const parts = [];
  for (const r of rows.filter((r) => r.n === 10 && measured(r))) {
    const own = find(rows, r.set, r.mode, 1);
    if (!own || !(own.rps > 0)) continue;
    const ratio = r.rps / own.rps;
    parts.push(part(`${r.set}/${r.mode}`, `${pct(ratio)} of scenario 1`, ratio >= MASTODON_SHARE));
  }
  return line(`Mastodon API home timeline (≥ ${share(MASTODON_SHARE)} of Starling's own, same run)`, parts);
}

function streaming(rows) {
  const parts = rows
    .filter((r) => (r.n === 11 || r.n === 12) && r.streams && r.mode !== 'distributed')
    .map((r) => {
      const s = r.streams;
      const kind = r.n === 11 ? 'SSE' : 'WebSocket';
      const text = `${fmt(s.open)} streams, ${fmt(s.inTime)} within ${STREAM_MS / 1000} s, peak RSS ${mb(r.maxRssMb)}`;
      const ok = s.requested < STREAMS ? null : s.open >= STREAMS && s.inTime === s.open && r.maxRssMb <= STREAM_RSS_MB;
      return part(`${r.set}/${r.mode} ${kind}`, text, ok);
    });
  return line(
    `streaming (${fmt(STREAMS)} streams on one process, a post in all within ${STREAM_MS / 1000} s, RSS ≤ ${STREAM_RSS_MB} MB)`,
    parts,
  );
}

function media(rows) {
  const parts = rows
    .filter((r) => r.n === 9 && measured(r) && r.sharp)
    .map((r) => {
      const p99 = r.p99 / r.sharp.p99;
      const rate = r.rps / r.sharp.rate;
      return part(
        `${r.set}/${r.mode}`,
        `p99 ${fmt(p99, 2)} × sharp's, ${pct(rate)} of its rate`,
        r.errors === 0 && p99 <= MEDIA_P99_FACTOR && rate >= MEDIA_RATE_SHARE,
      );
    });
  return line(
    `media (upload to ready p99 ≤ ${MEDIA_P99_FACTOR} × sharp alone; ≥ ${share(MEDIA_RATE_SHARE)} of its conversions per second)`,
    parts,
  );
}

function notifications(rows) {
  const parts = rows
    .filter((r) => r.n === 13 && r.notifications)
    .map((r) => {
      const { planned = r.notifications.expected, expected, recorded } = r.notifications;
      const text =
        (r.timeMs == null
          ? `${fmt(recorded)} of ${fmt(expected)} recorded`
          : `${fmt(expected)} recorded in ${ms(r.timeMs)}`) +
        (expected < planned ? ` (${fmt(planned)} likes planned, ${fmt(expected)} taken)` : '');
      // Likes the server did not take in time count against it: the burst was not absorbed.
      const ok = expected >= planned && recorded >= expected && r.timeMs != null && r.timeMs <= RECORDED_MS;
      return part(`${r.set}/${r.mode}`, text, planned < LIKES ? null : ok);
    });
  return line(`notifications (${fmt(LIKES)} like notifications recorded within ${RECORDED_MS / 1000} s)`, parts);
}

function delivery(rows) {
  const rate = (r) => (r?.rps == null ? 'none arrived' : `${fmt(r.rps, 1)}/s`);
  const parts = rows
    .filter((r) => r.n === 14)
    .map((r) => {
      const calls = rows.find((c) => c.set === r.set && c.mode === r.mode && c.n === 15);
      return part(`${r.set}/${r.mode}`, `mail ${rate(r)}, webhooks ${rate(calls)}`, null);
    });
  return `- mail and webhook throughput (reported): ${parts.length === 0 ? 'not measured in this run' : parts.map((p) => `${p.where}: ${p.text}`).join('; ')}`;
}

/** The largest RSS of `mode`'s load scenarios, per set: [{ set, row }]. */
function peaks(rows, mode) {
  return sets(rows).flatMap((set) => {
    const load = rows.filter((r) => r.set === set && r.mode === mode && r.n && !NOT_LOAD.has(r.n) && r.maxRssMb);
    if (load.length === 0) return [];
    return [{ set, row: load.reduce((a, b) => (b.maxRssMb > a.maxRssMb ? b : a)) }];
  });
}

/** Per role, its largest process's peak RSS over the load scenarios of one set. */
export function rolePeaks(rows, set) {
  const roles = new Map();
  for (const r of rows.filter((r) => r.set === set && r.mode === 'distributed' && r.n && !NOT_LOAD.has(r.n))) {
    for (const p of r.memory ?? []) {
      const seen = roles.get(p.role);
      if (p.rssMb !== null && (!seen || p.rssMb > seen.rssMb)) roles.set(p.role, { ...p, n: r.n });
    }
  }
  return [...roles.values()].sort((a, b) => b.rssMb - a.rssMb);
}

function memory(rows) {
  const embedded = peaks(rows, 'embedded').map(({ set, row }) =>
    part(`${set} set`, `${mb(row.maxRssMb)} (scenario ${row.n})`, row.maxRssMb <= EMBEDDED_RSS_MB),
  );
  const roles = sets(rows).flatMap((set) => {
    const all = rolePeaks(rows, set);
    if (all.length === 0) return [];
    const over = all.filter((p) => p.rssMb > ROLE_RSS_MB);
    const text =
      `largest ${all[0].name} ${mb(all[0].rssMb)} (scenario ${all[0].n})` +
      (over.length > 0 ? `; over ${ROLE_RSS_MB} MB: ${over.map((p) => `${p.role} ${mb(p.rssMb)}`).join(', ')}` : '');
    return [part(`${set} set`, text, over.length === 0)];
  });
  return [
    line(`memory, embedded (≤ ${EMBEDDED_RSS_MB} MB under load)`, embedded),
    line(`memory, distributed (each role ≤ ${ROLE_RSS_MB} MB under load)`, roles),
  ];
}

function coldStart(rows) {
  const parts = rows
    .filter((r) => r.n === 8 && r.mode === 'embedded' && r.timeMs != null)
    .map((r) => part(`${r.set} set`, ms(r.timeMs), r.timeMs <= COLD_START_MS));
  return line(`cold start, embedded (≤ ${fmt(COLD_START_MS / 1000, 1)} s to the first answer)`, parts);
}

/** The targets section: a heading line, then one line per target. */
export function targetLines(rows) {
  return [
    'Targets (the issue "Performance, second round"; ✗ marks a part that misses its target):',
    posting(rows),
    fanout(rows),
    shareOf(rows, `home timeline through the gateway, distributed (≥ ${share(GATEWAY_SHARE)} of the PostgreSQL mode)`, {
      mode: 'distributed',
      of: 'postgres',
      share: GATEWAY_SHARE,
    }),
    shareOf(
      rows,
      `home timeline, PostgreSQL mode (≥ ${share(POSTGRES_SHARE)} of the ceiling, p99 ≤ ${POSTGRES_HOME_P99_MS} ms)`,
      { mode: 'postgres', of: 'ceiling', share: POSTGRES_SHARE, p99: POSTGRES_HOME_P99_MS },
    ),
    shareOf(rows, `home timeline, embedded (≥ ${share(EMBEDDED_SHARE)} of the ceiling)`, {
      mode: 'embedded',
      of: 'ceiling',
      share: EMBEDDED_SHARE,
    }),
    mastodon(rows),
    streaming(rows),
    media(rows),
    notifications(rows),
    delivery(rows),
    ...memory(rows),
    coldStart(rows),
  ];
}
