import type { ImportedEvent, SkippedImport } from '@starling/kit';
import type { SeedEvent } from '../seed/events.js';
import { Progress } from '../seed/progress.js';
import { writeAll } from '../seed/write.js';

/** A service's bulk import (`importRegistrations`, `importFollows`, `importTweetActivity`). */
export type ServiceImport = (
  batch: readonly ImportedEvent[],
  options: { skipExisting: boolean },
) => Promise<SkippedImport[]>;

/**
 * Writes `events` through a service's own import, as `starling seed` does (batches of
 * one transaction each, `writeAll`), but leaving out what is there already, so that an
 * import run again, or after a crash, writes only what is missing. A progress bar on
 * stderr; answers what the service left out, and why.
 */
export async function writeThrough(
  label: string,
  events: readonly SeedEvent[],
  run: string,
  write: ServiceImport,
): Promise<SkippedImport[]> {
  const progress = new Progress(`importing ${label}`, events.length, label);
  const skipped: SkippedImport[] = [];
  await writeAll(
    events,
    run,
    async (batch) => skipped.push(...(await write(batch, { skipExisting: true }))),
    (written) => progress.update(written),
  );
  progress.finish(events.length);
  return skipped;
}
