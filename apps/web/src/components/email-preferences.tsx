import { useState } from 'react';
import { ApiError, errorMessage } from '../api/problem.js';
import {
  useEmailPreferences,
  useUpdateEmailPreferences,
  type EmailPreferences,
  type EmailSetting,
} from '../api/use-mail.js';
import { ErrorMessage } from './error-message.js';
import { Loading } from './loading.js';

const TYPES: Array<{ type: keyof EmailPreferences; label: string }> = [
  { type: 'follow', label: 'Someone follows you' },
  { type: 'mention', label: 'Someone mentions you' },
  { type: 'reply', label: 'Someone replies to your tweet' },
  { type: 'like', label: 'Someone likes your tweet' },
  { type: 'repost', label: 'Someone reposts your tweet' },
];

const SETTINGS: Array<{ value: EmailSetting; label: string }> = [
  { value: 'off', label: 'Off' },
  { value: 'immediate', label: 'Right away' },
  { value: 'digest', label: 'Daily digest' },
];

/** The settings page's email section: for each kind of notification, off, right away or in a digest. */
export function EmailPreferencesSection() {
  const current = useEmailPreferences();
  const update = useUpdateEmailPreferences();
  const [saved, setSaved] = useState<string | undefined>();

  if (current.isError)
    return (
      <ErrorMessage
        what="Couldn't load your email settings."
        error={current.error}
        onRetry={() => void current.refetch()}
      />
    );
  if (!current.data) return <Loading />;
  const { email, etag } = current.data;
  const stale = update.error instanceof ApiError && update.error.status === 412;

  function change(type: keyof EmailPreferences, setting: EmailSetting) {
    setSaved(undefined);
    update.mutate(
      { email: { [type]: setting }, etag },
      {
        onSuccess: () => setSaved(type),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) void current.refetch();
        },
      },
    );
  }

  return (
    <section aria-labelledby="email-preferences-heading" className="email-preferences">
      <h2 id="email-preferences-heading">Email notifications</h2>
      <p>Choose which notifications Starling mails you, and when.</p>
      {TYPES.map(({ type, label }) => (
        <div className="field" key={type}>
          <label htmlFor={`email-${type}`}>{label}</label>
          <select
            id={`email-${type}`}
            value={email[type]}
            disabled={update.isPending}
            onChange={(event) => change(type, event.target.value as EmailSetting)}
          >
            {SETTINGS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <p role="status">{saved ? 'Saved.' : ''}</p>
      {update.isError && (
        <p className="form-error" role="alert">
          {stale
            ? 'Your email settings changed elsewhere meanwhile; they are shown as they are now. Choose again.'
            : errorMessage(update.error)}
        </p>
      )}
    </section>
  );
}
