import { loadConfig } from '@starling/kit';
import type { Context } from 'aws-lambda';
import { LAG_LINE, lagReport, type LagReport } from '../lag-report.js';
import { rolePlatform } from '../role-platform.js';
import type { RoleEntry } from '../topology.js';
import type { FunctionOptions } from './api-function.js';
import { withSecrets } from './secrets.js';

/** What a worker's run did, logged as the `worker lag` line that CloudWatch turns into metrics. */
export interface WorkerRun extends LagReport {
  role: string;
  ranMs: number;
}

/**
 * Time kept back from the function's timeout to stop well: in-flight work finishes
 * (SHUTDOWN_TIMEOUT's 10 s by default) and the connections close.
 */
export const STOP_MARGIN_MS = 15_000;

/**
 * A worker role as a Lambda function. NATS has no Lambda trigger, so a schedule wakes
 * the function (every minute, deploy/aws) and each invocation is a worker process for
 * as long as the function may run: it pulls from its JetStream durable consumers (the
 * queue), performs its jobs and loops (mail, webhooks, pictures), relays its service's
 * outbox, then stops, acknowledging what it finished; what it had not is redelivered
 * to the next. Invocations overlap a little, as replicas would.
 */
export function workerFunction(entry: RoleEntry, options: FunctionOptions & { stop?: AbortSignal } = {}) {
  return async (_event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>): Promise<WorkerRun> => {
    const began = Date.now();
    const env = await withSecrets(options.env?.() ?? process.env, options.readSecret);
    const platform = await rolePlatform(loadConfig(env), entry, options.logger ? { logger: options.logger } : {});
    try {
      await platform.start();
      const runFor = context.getRemainingTimeInMillis() - STOP_MARGIN_MS;
      // `stop` ends a run sooner (a test's); Lambda's runs last as long as the function may.
      if (runFor > 0 && !options.stop?.aborted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, runFor);
          options.stop?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
      }
      const report = await lagReport(platform.bus);
      const run: WorkerRun = { role: entry.name, ranMs: Date.now() - began, ...report };
      platform.app.log.info(run, LAG_LINE);
      return run;
    } finally {
      await platform.close();
    }
  };
}
