import { describe, expect, it } from 'vitest';
import { targetLines, type BenchRow } from '../../bench/lib/targets.js';

/*
 * The targets section of a bench run: each target's line names what was measured and
 * says met, not met, or n/a when the run could not measure it.
 */

const row = (r: Partial<BenchRow> & Pick<BenchRow, 'set' | 'mode' | 'n'>): BenchRow => ({
  rps: null,
  errors: 0,
  notes: '',
  ...r,
});
const lineOf = (rows: BenchRow[], start: string) => targetLines(rows).find((l) => l.startsWith(`- ${start}`));

describe('the targets of a bench run', () => {
  it('holds posting to the large set only, and counts a post not read back against it', () => {
    const small = row({ set: 'small', mode: 'postgres', n: 4, rps: 2_000, p99: 20, seconds: 60 });
    small.readBack = { checked: 100, misses: 0 };
    expect(lineOf([small], 'posting')).toMatch(/small set: 2,000 tweets\/s .* \(n\/a\): \*\*n\/a\*\*$/);

    const large = row({ set: 'large', mode: 'postgres', n: 4, rps: 1_600, p99: 40, seconds: 60 });
    large.readBack = { checked: 100, misses: 0 };
    expect(lineOf([small, large], 'posting')).toMatch(/\*\*met\*\*$/);
    large.readBack = { checked: 100, misses: 1 };
    expect(lineOf([small, large], 'posting')).toMatch(/reads own write 99\/100 ✗: \*\*not met\*\*$/);
  });

  it('compares the home timeline with the ceiling and the Mastodon API with the home timeline of the same run', () => {
    const rows = [
      row({ set: 'small', mode: 'embedded', n: 1, rps: 3_000, p99: 30 }),
      row({ set: 'small', mode: 'embedded', n: 10, rps: 2_100, p99: 40 }),
      row({ set: 'small', mode: 'postgres', n: 1, rps: 5_000, p99: 12 }),
      row({ set: 'small', mode: 'bare node http', n: null, rps: 10_000 }),
    ];
    expect(lineOf(rows, 'home timeline, embedded')).toMatch(/30\.0% of the ceiling: \*\*met\*\*$/);
    // Half the ceiling, but a p99 over 10 ms.
    expect(lineOf(rows, 'home timeline, PostgreSQL')).toMatch(
      /50\.0% of the ceiling, p99 12\.0 ms ✗: \*\*not met\*\*$/,
    );
    expect(lineOf(rows, 'Mastodon API')).toMatch(/small\/embedded: 70\.0% of scenario 1 ✗: \*\*not met\*\*$/);
    expect(lineOf(rows, 'home timeline through the gateway')).toMatch(/not measured in this run: \*\*n\/a\*\*$/);
  });

  it('judges streams and notifications only at the counts the targets name', () => {
    const quick = [
      row({
        set: 'small',
        mode: 'embedded',
        n: 11,
        maxRssMb: 200,
        streams: { requested: 1_000, open: 1_000, inTime: 1_000, delivered: 1_000 },
      }),
      row({ set: 'small', mode: 'embedded', n: 13, timeMs: 900, notifications: { expected: 1_000, recorded: 1_000 } }),
    ];
    expect(lineOf(quick, 'streaming')).toMatch(
      /1,000 streams, 1,000 within 2 s, peak RSS 200 MB \(n\/a\): \*\*n\/a\*\*$/,
    );
    expect(lineOf(quick, 'notifications')).toMatch(/\*\*n\/a\*\*$/);

    const full = [
      row({
        set: 'small',
        mode: 'postgres',
        n: 11,
        maxRssMb: 450,
        streams: { requested: 10_000, open: 10_000, inTime: 9_990, delivered: 10_000 },
      }),
      row({
        set: 'small',
        mode: 'postgres',
        n: 13,
        timeMs: 4_000,
        notifications: { expected: 10_000, recorded: 10_000 },
      }),
    ];
    expect(lineOf(full, 'streaming')).toMatch(/9,990 within 2 s.* ✗: \*\*not met\*\*$/);
    expect(lineOf(full, 'notifications')).toMatch(/10,000 recorded in 4,000 ms: \*\*met\*\*$/);
    // A server too slow to take every like in the time allowed has not absorbed the burst.
    full[1].notifications = { planned: 10_000, expected: 6_000, recorded: 6_000 };
    expect(lineOf(full, 'notifications')).toMatch(/10,000 likes planned, 6,000 taken\) ✗: \*\*not met\*\*$/);
  });

  it('names the distributed roles over their memory limit', () => {
    const memory = (role: string, rssMb: number) => ({
      name: `${role}#1`,
      role,
      pid: 1,
      rssMb,
      heapUsedMb: 50,
      externalMb: 5,
    });
    const rows = [
      row({
        set: 'small',
        mode: 'distributed',
        n: 1,
        rps: 100,
        memory: [memory('gateway', 120), memory('timeline', 180)],
      }),
      // The streams are judged by their own target, not this one.
      row({ set: 'small', mode: 'distributed', n: 11, memory: [memory('gateway', 900)] }),
    ];
    expect(lineOf(rows, 'memory, distributed')).toMatch(
      /largest timeline#1 180 MB \(scenario 1\); over 150 MB: timeline 180 MB ✗: \*\*not met\*\*$/,
    );
  });
});
