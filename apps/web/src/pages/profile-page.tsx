import { useState, type FormEvent } from 'react';
import { ApiError, describeProblem } from '../api/problem.js';
import { useMe, type Me } from '../api/use-me.js';
import { useUpdateProfile, type UserUpdate } from '../api/use-profile.js';
import { EmailUnconfirmedNotice } from '../components/email-unconfirmed-notice.js';
import { Field } from '../components/field.js';
import { describeCharactersLeft } from '../lib/tweet-length.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

const LABELS = {
  name: 'Name',
  bio: 'Bio',
  email: 'Email',
  password: 'New password',
  current_password: 'Current password',
};
type ProfileField = keyof typeof LABELS;
const ORDER: ProfileField[] = ['name', 'bio', 'email', 'password', 'current_password'];
const INPUT_IDS: Record<ProfileField, string> = {
  name: 'profile-name',
  bio: 'profile-bio',
  email: 'profile-email',
  password: 'profile-new-password',
  current_password: 'profile-current-password',
};

export const MAX_BIO_LENGTH = 160;

/** Code points, as the API counts them: an emoji is one character. */
const bioLength = (bio: string) => [...bio].length;

export const CONFLICT_MESSAGE = 'Someone else changed your profile meanwhile. Reload to see the latest version.';

export function ProfilePage({ me }: { me: Me }) {
  useDocumentTitle('Profile');
  // The version being edited. A background refresh of /me must not change it, or saving
  // would silently overwrite changes the person never saw.
  const [base, setBase] = useState(me);
  const [name, setName] = useState(me.user.name);
  const [bio, setBio] = useState(me.user.bio ?? '');
  const [email, setEmail] = useState(me.user.email ?? '');
  const [newPassword, setNewPassword] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [saved, setSaved] = useState(false);
  const update = useUpdateProfile();
  const latest = useMe();

  // Editing again makes "Profile saved" untrue until the next save.
  const edit = (setter: (value: string) => void) => (value: string) => {
    setSaved(false);
    setter(value);
  };

  const conflict = update.error instanceof ApiError && update.error.status === 412;
  const failure = update.isError && !conflict ? describeProblem(update.error, LABELS) : undefined;
  const bioLeft = MAX_BIO_LENGTH - bioLength(bio);
  const [bioTooLong, setBioTooLong] = useState(false);
  const bioError =
    failure?.fieldErrors.bio ??
    (bioTooLong && bioLeft < 0 ? `Bio must be at most ${MAX_BIO_LENGTH} characters` : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    setSaved(false);
    if (bioLeft < 0) {
      setBioTooLong(true);
      document.getElementById(INPUT_IDS.bio)?.focus();
      return;
    }
    setBioTooLong(false);
    const change: UserUpdate = {};
    if (name !== base.user.name) change.name = name;
    if (bio !== (base.user.bio ?? '')) change.bio = bio;
    if (email !== (base.user.email ?? '')) change.email = email;
    if (newPassword) {
      change.password = newPassword;
      if (currentPassword) change.current_password = currentPassword;
    }
    // The API wants at least one field; an unchanged name is a harmless way to confirm.
    if (Object.keys(change).length === 0) change.name = name;
    update.mutate(
      { id: base.user.id, etag: base.etag, update: change },
      {
        onSuccess: (next) => {
          setBase(next);
          setName(next.user.name);
          setBio(next.user.bio ?? '');
          setEmail(next.user.email ?? '');
          setNewPassword('');
          setCurrentPassword('');
          setSaved(true);
        },
        onError: (error) => {
          const { fieldErrors } = describeProblem(error, LABELS);
          const first = ORDER.find((field) => fieldErrors[field]);
          if (first) document.getElementById(INPUT_IDS[first])?.focus();
        },
      },
    );
  }

  async function reload() {
    const { data } = await latest.refetch();
    if (!data) return;
    setBase(data);
    setName(data.user.name);
    setBio(data.user.bio ?? '');
    setEmail(data.user.email ?? '');
    update.reset();
  }

  return (
    <section className="form-page" aria-labelledby="profile-heading">
      <h1 id="profile-heading">Profile</h1>
      <p className="handle">@{base.user.username}</p>
      {base.user.email && base.user.email_verified === false && (
        <EmailUnconfirmedNotice key={base.user.email} email={base.user.email} />
      )}
      <form onSubmit={submit} noValidate>
        {conflict && (
          <div className="form-error" role="alert">
            <p>{CONFLICT_MESSAGE}</p>
            <button type="button" className="button" onClick={() => void reload()} disabled={latest.isFetching}>
              Reload
            </button>
          </div>
        )}
        {failure?.message && (
          <p className="form-error" role="alert">
            {failure.message}
          </p>
        )}
        <Field
          id={INPUT_IDS.name}
          label="Name"
          value={name}
          onChange={edit(setName)}
          error={failure?.fieldErrors.name}
          autoComplete="name"
          maxLength={100}
        />
        <div className="field">
          <label htmlFor={INPUT_IDS.bio}>Bio</label>
          <textarea
            id={INPUT_IDS.bio}
            rows={3}
            value={bio}
            onChange={(event) => edit(setBio)(event.target.value)}
            aria-describedby={`profile-bio-count${bioError ? ' profile-bio-error' : ''}`}
            aria-invalid={bioError || bioLeft < 0 ? true : undefined}
          />
          <p id="profile-bio-count" className={bioLeft < 0 ? 'count count-over' : 'count'} aria-live="polite">
            {describeCharactersLeft(bioLeft)}
          </p>
          {bioError && (
            <p id="profile-bio-error" className="field-error">
              {bioError}
            </p>
          )}
        </div>
        <Field
          id={INPUT_IDS.email}
          label="Email"
          type="email"
          value={email}
          onChange={edit(setEmail)}
          error={failure?.fieldErrors.email}
          autoComplete="email"
        />
        <Field
          id={INPUT_IDS.password}
          label="New password"
          type="password"
          hint="Leave empty to keep your password. At least 8 characters."
          value={newPassword}
          onChange={edit(setNewPassword)}
          error={failure?.fieldErrors.password}
          autoComplete="new-password"
        />
        <Field
          id={INPUT_IDS.current_password}
          label="Current password"
          type="password"
          hint="Required only when you set a new password."
          value={currentPassword}
          onChange={edit(setCurrentPassword)}
          error={failure?.fieldErrors.current_password}
          autoComplete="current-password"
          required={newPassword !== ''}
        />
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          Save
        </button>
        {saved && (
          <p className="form-success" role="status">
            Profile saved
          </p>
        )}
      </form>
    </section>
  );
}
