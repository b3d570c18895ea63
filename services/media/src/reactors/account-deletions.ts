import type { Consumer } from '@starling/kit';
import { UserDeleted, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import { deleteMedia } from '../commands/delete-media.js';

/** A deleted account's media goes with it, attached or not: every upload of theirs in this service's log. */
export const accountDeletions: Consumer = {
  name: 'media.account-deletions',
  source: 'identity',
  types: [UserDeleted.type],
  async handle(event, trx) {
    const { user_id } = payloadOf(UserDeleted, event);
    const { rows } = await sql<{ media_id: string }>`
      select distinct data->>'media_id' as media_id from events
      where type in ('MediaUploaded', 'MediaUploadStarted') and data->>'owner_id' = ${user_id}`.execute(trx);
    for (const { media_id } of rows) await deleteMedia(trx, media_id, 'account_deleted', event.eventId);
  },
};
