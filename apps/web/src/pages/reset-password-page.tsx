import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeProblem } from '../api/problem.js';
import { useResetPassword } from '../api/use-account-mail.js';
import { Field } from '../components/field.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

const LABELS = { password: 'New password' };
const UNUSABLE_LINK = 'This link no longer works: it was used already, has expired, or is not complete.';

/** Sets a new password with the token from a mailed link (`/reset-password?token=…`). */
export function ResetPasswordPage() {
  useDocumentTitle('Set a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useResetPassword();
  const failure = reset.isError ? describeProblem(reset.error, { ...LABELS, token: 'Link' }) : undefined;
  const badLink = !token || failure?.fieldErrors.token !== undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reset.isPending) return;
    if (password !== again) {
      setMismatch(true);
      document.getElementById('reset-password-again')?.focus();
      return;
    }
    setMismatch(false);
    reset.mutate({ token, password });
  }

  if (reset.isSuccess) {
    return (
      <section className="form-page" aria-labelledby="reset-heading">
        <h1 id="reset-heading">Password changed</h1>
        <p className="form-success" role="status">
          Your password is changed, and every device signed in to your account has been signed out.
        </p>
        <p className="form-aside">
          <Link to="/login">Log in with your new password</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="form-page" aria-labelledby="reset-heading">
      <h1 id="reset-heading">Set a new password</h1>
      {badLink ? (
        <div className="form-error" role="alert">
          <p>{UNUSABLE_LINK}</p>
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          {failure?.message && (
            <p className="form-error" role="alert">
              {failure.message}
            </p>
          )}
          <Field
            id="reset-password"
            label="New password"
            type="password"
            hint="At least 8 characters."
            value={password}
            onChange={setPassword}
            error={failure?.fieldErrors.password}
            autoComplete="new-password"
            required
          />
          <Field
            id="reset-password-again"
            label="New password again"
            type="password"
            value={again}
            onChange={setAgain}
            error={mismatch ? 'The two passwords differ' : undefined}
            autoComplete="new-password"
            required
          />
          <button type="submit" className="button button-primary" disabled={reset.isPending}>
            Set the password
          </button>
        </form>
      )}
    </section>
  );
}
