// Command-line flags for `npm run bench -- [flags]`.
import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run bench -- [--quick] [--duration N] [--connections N] [--postgres] [--no-write]

  --quick          3 s runs and 50 seeded tweets (a smoke run, not a measurement)
  --duration N     seconds per measured run (default 10)
  --connections N  concurrent autocannon connections (default 50)
  --postgres       run on a scratch database made (and dropped) on the DATABASE_URL server
  --no-write       print the table only; do not append to bench/RESULTS.md`;

function positiveInt(name, raw) {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`--${name} expects a positive integer, got "${raw}"\n\n${USAGE}`);
  }
  return n;
}

export function parseFlags(argv) {
  // Node 20's parseArgs has no automatic --no-* negation, so `no-write` is
  // declared as a flag of its own.
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      options: {
        quick: { type: 'boolean', default: false },
        duration: { type: 'string' },
        connections: { type: 'string' },
        postgres: { type: 'boolean', default: false },
        'no-write': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new Error(`${err.message}\n\n${USAGE}`);
  }
  const { values } = parsed;

  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }

  return {
    // An explicit --duration wins over the --quick default.
    duration: values.duration ? positiveInt('duration', values.duration) : values.quick ? 3 : 10,
    connections: values.connections ? positiveInt('connections', values.connections) : 50,
    tweets: values.quick ? 50 : 200,
    warmup: 2,
    postgres: values.postgres,
    write: !values['no-write'],
  };
}
