import { appendToStream, loadAggregate, type Consumer } from '@starling/kit';
import { TweetDeleted, TweetPosted, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import { deleteMedia } from '../commands/delete-media.js';
import { attach, media, mediaStream } from '../domain/media.js';

/**
 * Media lives as long as its tweet. A TweetPosted naming media attaches each (the tweets
 * service checked they were its author's); a TweetDeleted deletes the media attached to
 * it, found in this service's own log. Both in log order, in one consumer, so a deletion
 * never overtakes the attachment it undoes.
 */
export const tweetMedia: Consumer = {
  name: 'media.tweet-media',
  source: 'tweets',
  types: [TweetPosted.type, TweetDeleted.type],
  async handle(event, trx) {
    if (event.type === TweetPosted.type) {
      const posted = payloadOf(TweetPosted, event);
      for (const id of posted.media_ids ?? []) {
        const { state, version } = await loadAggregate(trx, mediaStream(id), media);
        const attached = attach(state, id, posted.tweet_id);
        if (attached) {
          await appendToStream(trx, mediaStream(id), version, [
            { ...attached, metadata: { causation_id: event.eventId } },
          ]);
        }
      }
      return;
    }
    const { tweet_id } = payloadOf(TweetDeleted, event);
    const { rows } = await sql<{ media_id: string }>`
      select data->>'media_id' as media_id from events
      where type = 'MediaAttached' and data->>'tweet_id' = ${tweet_id}`.execute(trx);
    for (const { media_id } of rows) await deleteMedia(trx, media_id, 'tweet_deleted', event.eventId);
  },
};
