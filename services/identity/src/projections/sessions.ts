import type { Projection } from '@starling/kit';
import { SessionEnded, SessionStarted, UserDeleted, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import type { IdentityDb } from '../tables.js';

/** A session ends once: a later end leaves the first one's time. */
const endedAt = (at: Date) => sql<Date>`coalesce(ended_at, ${at})`;

/** `sessions`: which sessions are open; deleting an account ends all of its sessions. */
export const sessionsProjection: Projection = {
  name: 'identity.sessions',
  source: 'identity',
  tables: ['sessions'],
  types: [SessionStarted.type, SessionEnded.type, UserDeleted.type],
  async handle(event, trx) {
    const db: IdentityDb = trx;
    switch (event.type) {
      case SessionStarted.type: {
        const d = payloadOf(SessionStarted, event);
        await db
          .insertInto('sessions')
          .values({ session_id: d.session_id, user_id: d.user_id, expires_at: d.expires_at })
          .onConflict((oc) => oc.column('session_id').doNothing())
          .execute();
        return;
      }
      case SessionEnded.type: {
        const d = payloadOf(SessionEnded, event);
        await db
          .updateTable('sessions')
          .set({ ended_at: endedAt(event.recordedAt) })
          .where('session_id', '=', d.session_id)
          .execute();
        return;
      }
      case UserDeleted.type: {
        const d = payloadOf(UserDeleted, event);
        await db
          .updateTable('sessions')
          .set({ ended_at: endedAt(event.recordedAt) })
          .where('user_id', '=', d.user_id)
          .execute();
        return;
      }
    }
  },
};
