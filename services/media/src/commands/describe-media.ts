import { appendToStream, checkExpectedVersion, loadAggregate, type Caller, type ExpectedVersions } from '@starling/kit';
import { describe, media, mediaStream } from '../domain/media.js';
import type { MediaDeps } from './deps.js';

/** Changes the alt text of the caller's own media. */
export async function describeMedia(
  write: MediaDeps['write'],
  caller: Caller,
  id: string,
  description: string,
  request: { expected: ExpectedVersions; requestId: string },
): Promise<void> {
  await write(async (trx) => {
    const { state, version } = await loadAggregate(trx, mediaStream(id), media);
    const described = describe(state, id, caller, description);
    checkExpectedVersion(request.expected, version);
    if (state.description === description) return;
    await appendToStream(trx, mediaStream(id), version, [
      { ...described, metadata: { actor_id: caller.userId, request_id: request.requestId } },
    ]);
  });
}
