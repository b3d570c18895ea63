import { ConfigError, startTracing, type Tracing } from '@starling/kit/tracing';

/** The command itself, loaded once tracing (if any) is in place. */
export type Main = (argv: string[]) => Promise<number>;

/**
 * Runs a `starling` command, traced when it is `start` and an OTLP endpoint is set
 * (docs/operations.md#traces): as `starling-<role>` for one process of the distributed
 * mode, `starling` for the embedded one, unless OTEL_SERVICE_NAME says otherwise. The
 * command is loaded only after tracing started, since the instrumentation must patch
 * what it instruments (node:http, pg) before anything loads it; before exiting, the
 * spans still buffered are sent.
 */
export async function runTraced(argv: string[], load: () => Promise<Main>): Promise<number> {
  let tracing: Tracing | undefined;
  if (argv[0] === 'start') {
    try {
      tracing = await startTracing(argv[1] ? `starling-${argv[1]}` : 'starling');
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      console.error(`starling: ${err.message}`);
      return 78; // EX_CONFIG, as main answers any other bad setting
    }
  }
  try {
    return await (
      await load()
    )(argv);
  } finally {
    await tracing?.shutdown();
  }
}
