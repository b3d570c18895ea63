import type { Job, ServiceContext } from '@starling/kit';
import { MediaDeleted, payloadOf } from '@starling/events';

/**
 * Deletes from object storage what deleted media had there. Deleting an object twice is
 * no error, so a redelivery is harmless; a store that is down is tried again later.
 */
export function objectCleanup(ctx: ServiceContext): Job {
  return {
    name: 'media.object-cleanup',
    source: 'media',
    types: [MediaDeleted.type],
    async perform(event) {
      const { keys } = payloadOf(MediaDeleted, event);
      if (keys.length) await ctx.objects.delete(keys);
    },
  };
}
