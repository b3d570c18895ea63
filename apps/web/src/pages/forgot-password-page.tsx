import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, describeProblem } from '../api/problem.js';
import { useRequestPasswordReset } from '../api/use-account-mail.js';
import { Field } from '../components/field.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

const LABELS = { email: 'Email' };

function requestFailure(error: unknown) {
  if (error instanceof ApiError && error.status === 429) {
    return { fieldErrors: {}, message: 'Too many requests from here. Try again later.' };
  }
  return describeProblem(error, LABELS);
}

/** Asks for a link that sets a new password. */
export function ForgotPasswordPage() {
  useDocumentTitle('Forgot password');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const request = useRequestPasswordReset();
  const failure = request.isError ? requestFailure(request.error) : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (request.isPending) return;
    request.mutate(email.trim(), { onSuccess: () => setSentTo(email.trim()) });
  }

  return (
    <section className="form-page" aria-labelledby="forgot-heading">
      <h1 id="forgot-heading">Forgot password</h1>
      {sentTo ? (
        // The same words whether or not an account has the address: the page tells no one which do.
        <p className="form-success" role="status">
          If an account uses {sentTo}, a link to set a new password is on its way there. It works once, for a limited
          time.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="hint">Enter your account’s email address and we’ll mail you a link to set a new password.</p>
          {failure?.message && (
            <p className="form-error" role="alert">
              {failure.message}
            </p>
          )}
          <Field
            id="forgot-email"
            label="Email"
            type="email"
            value={email}
            onChange={setEmail}
            error={failure?.fieldErrors.email}
            autoComplete="email"
            required
          />
          <button type="submit" className="button button-primary" disabled={request.isPending}>
            Send the link
          </button>
        </form>
      )}
      <p className="form-aside">
        Remembered it? <Link to="/login">Go to the login page</Link>
      </p>
    </section>
  );
}
