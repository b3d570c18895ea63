import type { deferAll, Platform } from '@starling/kit';
import { Progress } from './progress.js';

/**
 * Lets the read models catch up by the services' own consumers (`bus.drain()`), not a
 * copy of their logic, showing how far behind they are as they go (`bus.lag()`: for
 * each durable consumer, events of its source it has yet to pass). Returns the seconds
 * it took.
 *
 * A drain reads only events older than every transaction still running on the server
 * (see `readAfter`), and gives up after a few seconds when one (anyone's, in any
 * database of a shared server) stays open; so this drains again until nothing is behind.
 */
export async function catchUp(platform: Platform, label: string): Promise<number> {
  const durable = new Set(platform.subscriptions.map((s) => s.consumer.name));
  const behind = async () =>
    (await platform.bus.lag()).filter((l) => durable.has(l.consumer)).reduce((sum, l) => sum + l.lag, 0);
  let total = await behind();
  const progress = new Progress(label, total, 'events to project');
  let finished = false;
  const drained = (async () => {
    for (let waits = 0; ;) {
      try {
        await platform.bus.drain();
      } catch (err) {
        if (!/still running/.test(String((err as Error).message)) || ++waits > 60) throw err;
        if (waits === 1) progress.note('waiting for older transactions on the database server to end');
      }
      if ((await behind()) === 0) return;
    }
  })().finally(() => (finished = true));
  while (!finished) {
    await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 250))]);
    if (finished) break;
    const remaining = await behind();
    // A reactor may append events meanwhile: the total grows with them.
    total = Math.max(total, remaining);
    progress.retotal(total);
    progress.update(total - remaining);
  }
  await drained;
  return progress.finish(total);
}

/**
 * Does the work the projections put off during a bulk load (`deferAll`), with a
 * progress bar each; answers, per kind of work, how much there was ("owners": the
 * homes or other rows it went over) and the seconds it took.
 */
export async function finishDeferred(
  deferred: ReturnType<typeof deferAll>,
): Promise<Array<{ label: string; total: number; seconds: number }>> {
  const bars = new Map<string, Progress>();
  const done = new Map<string, { label: string; total: number; seconds: number }>();
  await deferred.finish((label, finished, total) => {
    if (!bars.has(label)) bars.set(label, new Progress(`building ${label}`, total, 'owners'));
    if (finished < total) return bars.get(label)!.update(finished);
    done.set(label, { label, total, seconds: bars.get(label)!.finish(total) });
  });
  return deferred.labels.map((label) => done.get(label) ?? { label, total: 0, seconds: 0 });
}

/** Seconds since `start` (a `performance.now()` reading). */
export const secondsSince = (start: number) => (performance.now() - start) / 1000;
