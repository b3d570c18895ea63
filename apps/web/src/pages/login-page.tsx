import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError, describeProblem } from '../api/problem.js';
import { useLogin } from '../api/use-auth.js';
import { ExternalSignInButtons, externalSignInError } from '../components/external-sign-in.js';
import { Field } from '../components/field.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

const LABELS = { username: 'Username', password: 'Password' };

function loginFailure(error: unknown) {
  if (error instanceof ApiError && error.status === 401) {
    return { fieldErrors: {}, message: 'Invalid username or password' };
  }
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfter;
    return {
      fieldErrors: {},
      message:
        wait === undefined
          ? 'Too many attempts, try again later'
          : `Too many attempts, try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}`,
    };
  }
  return describeProblem(error, LABELS);
}

/** Where a protected page sent the person from, so logging in can take them back. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  useDocumentTitle('Log in');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  // A sign-in with a provider that was refused comes back here, saying why.
  const [search] = useSearchParams();
  const refused = login.isIdle ? externalSignInError(search.get('error')) : undefined;
  const failure = login.isError
    ? loginFailure(login.error)
    : refused
      ? { fieldErrors: {}, message: refused }
      : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (login.isPending) return;
    login.mutate(
      { username, password },
      {
        onSuccess: () => navigate(returnPath(location.state), { replace: true }),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 401) setPassword('');
        },
      },
    );
  }

  return (
    <section className="form-page" aria-labelledby="login-heading">
      <h1 id="login-heading">Log in</h1>
      <form onSubmit={submit} noValidate>
        {failure?.message && (
          <p className="form-error" role="alert">
            {failure.message}
          </p>
        )}
        <Field
          id="login-username"
          label="Username"
          value={username}
          onChange={setUsername}
          error={failure?.fieldErrors.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <Field
          id="login-password"
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          error={failure?.fieldErrors.password}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button-primary" disabled={login.isPending}>
          Log in
        </button>
      </form>
      <ExternalSignInButtons />
      <p className="form-aside">
        <Link to="/forgot-password">Forgot password?</Link>
      </p>
      <p className="form-aside">
        New to Starling? <Link to="/signup">Create an account</Link>
      </p>
    </section>
  );
}
