import { batchingRuns, type Projection, type RecordedEvent } from '@starling/kit';
import { parseEntities, TweetDeleted, TweetPosted, type PayloadOf, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import { documentOf, tokenWords, words } from './text.js';
import type { TimelineDb } from '../tables.js';

/**
 * What a tweet is found by: its body, and above it its hashtags and mentions (so a tweet
 * tagged `#rust` ranks above one that only says "rust"). A v1 TweetPosted has no
 * entities: they are parsed from its body, as everywhere else.
 */
function tweetDocument(d: PayloadOf<typeof TweetPosted>): string {
  const entities = d.entities ?? parseEntities(d.body);
  return documentOf([
    { words: words(d.body), weight: 'B' },
    { words: entities.hashtags.flatMap((h) => tokenWords(h.tag)), weight: 'A' },
    { words: entities.mentions.flatMap((m) => tokenWords(m.username)), weight: 'A' },
  ]);
}

/**
 * `search_tweets`: every live tweet's search document, from the tweets service's events
 * (an account's deletion reaches it as a TweetDeleted for each of its tweets). Posting
 * twice inserts once; a deletion removes the row. The tweet itself is shown from the
 * timeline's own tweet read model.
 */
export const searchTweetsProjection: Projection = {
  name: 'timeline.search-tweets',
  source: 'tweets',
  tables: ['search_tweets'],
  types: [TweetPosted.type, TweetDeleted.type],
  // Runs of posts go in one insert.
  handleBatch: batchingRuns([TweetPosted.type], (run, trx) => posted(trx, run)),
  async handle(event, trx) {
    const db: TimelineDb = trx;
    switch (event.type) {
      case TweetPosted.type:
        return posted(db, [event]);
      case TweetDeleted.type:
        await db.deleteFrom('search_tweets').where('id', '=', payloadOf(TweetDeleted, event).tweet_id).execute();
        return;
    }
  },
};

/** Posts not indexed yet, inserted in one statement. */
async function posted(db: TimelineDb, events: RecordedEvent[]): Promise<void> {
  await db
    .insertInto('search_tweets')
    .values(
      events.map((event) => {
        const d = payloadOf(TweetPosted, event);
        return { id: d.tweet_id, author_id: d.author_id, document: sql<string>`${tweetDocument(d)}::tsvector` };
      }),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
