import type { Projection } from '@starling/kit';
import { SessionEnded, SessionStarted, UserDeleted, payloadOf } from '@starling/events';
import { sql } from 'kysely';

/** `sessions`: which sessions are open; deleting an account ends all of its sessions. */
export const sessionsProjection: Projection = {
  name: 'identity.sessions',
  source: 'identity',
  tables: ['sessions'],
  types: [SessionStarted.type, SessionEnded.type, UserDeleted.type],
  async handle(event, trx) {
    switch (event.type) {
      case SessionStarted.type: {
        const d = payloadOf(SessionStarted, event);
        await sql`
          insert into sessions (session_id, user_id, expires_at)
          values (${d.session_id}, ${d.user_id}, ${d.expires_at})
          on conflict (session_id) do nothing`.execute(trx);
        return;
      }
      case SessionEnded.type: {
        const d = payloadOf(SessionEnded, event);
        await sql`update sessions set ended_at = coalesce(ended_at, ${event.recordedAt})
                  where session_id = ${d.session_id}`.execute(trx);
        return;
      }
      case UserDeleted.type: {
        const d = payloadOf(UserDeleted, event);
        await sql`update sessions set ended_at = coalesce(ended_at, ${event.recordedAt})
                  where user_id = ${d.user_id}`.execute(trx);
        return;
      }
    }
  },
};
