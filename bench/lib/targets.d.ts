// Types for the tests of targets.js (test/bench): the bench itself is plain JavaScript.

/** A row of the bench's table, with the extra figures some scenarios add. */
export interface BenchRow {
  set: string;
  mode: string;
  n: number | null;
  scenario?: string;
  rps: number | null;
  p50?: number | null;
  p99?: number | null;
  errors?: number | null;
  timeMs?: number | null;
  seconds?: number;
  maxRssMb?: number | null;
  notes?: string;
  readBack?: { checked: number; misses: number };
  followers?: number;
  streams?: { requested: number; open: number; inTime: number; delivered: number };
  sharp?: { rate: number; p50: number; p99: number };
  notifications?: { planned?: number; expected: number; recorded: number };
  memory?: Array<{
    name: string;
    role: string;
    pid: number;
    rssMb: number | null;
    heapUsedMb: number | null;
    externalMb: number | null;
  }>;
}

export function targetLines(rows: BenchRow[]): string[];
export function rolePeaks(rows: BenchRow[], set: string): Array<{ role: string; rssMb: number; n: number }>;
