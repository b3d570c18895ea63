import type { EventDefinition } from '@starling/events';

/** The notification types whose mail an account chooses; `webhook_disabled` is always mailed. */
export const PREFERENCE_TYPES = ['follow', 'mention', 'reply', 'like', 'repost'] as const;
export type PreferenceType = (typeof PREFERENCE_TYPES)[number];
export type EmailSetting = 'off' | 'immediate' | 'digest';

const define = <T>(type: string, schemaVersion: number) => ({ type, schemaVersion }) as EventDefinition<T>;

/**
 * `account_id` changed how it hears of some notification types by email (the types
 * named; the others keep theirs), on the stream `email-preferences-<account_id>`:
 * from the settings page, or from an unsubscribe link (`via: 'unsubscribe'`).
 */
export const EmailPreferencesChanged = define<{
  account_id: string;
  email: Partial<Record<PreferenceType, EmailSetting>>;
  via: 'settings' | 'unsubscribe';
}>('EmailPreferencesChanged', 1);
