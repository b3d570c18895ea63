import {
  appendToStream,
  checkExpectedVersion,
  loadAggregate,
  retryLostRaces,
  type Aggregate,
  type Db,
  type ExpectedVersions,
  type Projection,
} from '@starling/kit';
import { newEvent, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import type { NotifyDb } from '../tables.js';
import { EmailPreferencesChanged, PREFERENCE_TYPES, type EmailSetting, type PreferenceType } from './events.js';

export type EmailPreferences = Record<PreferenceType, EmailSetting>;

/** What an account gets before it chooses: direct attention mailed at once, applause not at all. */
export const DEFAULT_PREFERENCES: EmailPreferences = {
  follow: 'immediate',
  mention: 'immediate',
  reply: 'immediate',
  like: 'off',
  repost: 'off',
};

export const preferencesStream = (accountId: string) => `email-preferences-${accountId}`;

const preferences: Aggregate<EmailPreferences> = {
  initial: DEFAULT_PREFERENCES,
  evolve: (state, event) =>
    event.type === EmailPreferencesChanged.type
      ? { ...state, ...payloadOf(EmailPreferencesChanged, event).email }
      : state,
};

/** An account's preferences from its stream (not the read model: a consumer must not see them late). */
export async function preferencesOf(db: Db, accountId: string) {
  return loadAggregate(db, preferencesStream(accountId), preferences);
}

/**
 * Changes some of an account's preferences, checking `expected` (If-Match) against its
 * stream. Settings already as asked append nothing. Answers with all of them and the version.
 */
export function changePreferences(
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  accountId: string,
  wanted: Partial<EmailPreferences>,
  via: 'settings' | 'unsubscribe',
  expected: ExpectedVersions,
  metadata: { actor_id?: string; request_id: string },
): Promise<{ email: EmailPreferences; version: number }> {
  return retryLostRaces(3, 'The preferences are changing concurrently; try again.', () =>
    write(async (trx) => {
      const { state, version } = await preferencesOf(trx, accountId);
      checkExpectedVersion(expected, version);
      const changed = Object.fromEntries(
        Object.entries(wanted).filter(([type, setting]) => state[type as PreferenceType] !== setting),
      ) as Partial<EmailPreferences>;
      if (Object.keys(changed).length === 0) return { email: state, version };
      const appended = await appendToStream(trx, preferencesStream(accountId), version, [
        { ...newEvent(EmailPreferencesChanged, { account_id: accountId, email: changed, via }), metadata },
      ]);
      return { email: { ...state, ...changed }, version: appended.version };
    }),
  );
}

/** `email_preferences`: each account's changed settings and stream version, for reads. */
export const preferencesProjection: Projection = {
  name: 'notify.mail.preferences',
  source: 'notify',
  tables: ['email_preferences'],
  types: [EmailPreferencesChanged.type],
  async handle(event, trx) {
    const db: NotifyDb = trx;
    const d = payloadOf(EmailPreferencesChanged, event);
    const settings = JSON.stringify(d.email);
    // Replays are harmless: an older version never overwrites a newer one.
    await sql`insert into email_preferences (account_id, settings, version)
      values (${d.account_id}, ${settings}::jsonb, ${event.version})
      on conflict (account_id) do update
        set settings = email_preferences.settings || excluded.settings, version = excluded.version
        where email_preferences.version < excluded.version`.execute(db);
  },
};

/** An account's preferences as the read model has them, defaults filled in. */
export async function readPreferences(db: NotifyDb, accountId: string) {
  const row = await db
    .selectFrom('email_preferences')
    .select(['settings', 'version'])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const email = { ...DEFAULT_PREFERENCES, ...(row?.settings ?? {}) } as EmailPreferences;
  // Only the preference types: a setting the contract no longer has is not shown.
  return {
    email: Object.fromEntries(PREFERENCE_TYPES.map((t) => [t, email[t]])) as EmailPreferences,
    version: row?.version ?? 0,
  };
}
