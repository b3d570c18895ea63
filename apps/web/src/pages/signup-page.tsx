import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeProblem, type ProblemSummary } from '../api/problem.js';
import { useLogin, useSignUp, type NewUser } from '../api/use-auth.js';
import { ExternalSignInButtons } from '../components/external-sign-in.js';
import { Field } from '../components/field.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { useAppStore } from '../store.js';

const LABELS = { name: 'Name', username: 'Username', email: 'Email', password: 'Password' };
type SignUpField = keyof typeof LABELS;
const ORDER: SignUpField[] = ['name', 'username', 'email', 'password'];

export function SignUpPage() {
  useDocumentTitle('Sign up');
  const [form, setForm] = useState({ name: '', username: '', email: '', password: '' });
  const [failure, setFailure] = useState<ProblemSummary<SignUpField>>();
  const signUp = useSignUp();
  const login = useLogin();
  const navigate = useNavigate();
  const showFlash = useAppStore((state) => state.showFlash);
  const busy = signUp.isPending || login.isPending;

  const set = (field: SignUpField) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFailure(undefined);
    const newUser: NewUser = { username: form.username, email: form.email, password: form.password };
    if (form.name.trim()) newUser.name = form.name.trim();
    try {
      await signUp.mutateAsync(newUser);
    } catch (error) {
      const summary = describeProblem(error, LABELS);
      setFailure(summary);
      const first = ORDER.find((field) => summary.fieldErrors[field]);
      if (first) document.getElementById(`signup-${first}`)?.focus();
      return;
    }
    try {
      await login.mutateAsync({ username: form.username, password: form.password });
      navigate('/', { replace: true });
    } catch {
      showFlash('Your account is ready. Log in to start tweeting.', '/login');
      navigate('/login');
    }
  }

  return (
    <section className="form-page" aria-labelledby="signup-heading">
      <h1 id="signup-heading">Sign up</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {failure?.message && (
          <p className="form-error" role="alert">
            {failure.message}
          </p>
        )}
        <Field
          id="signup-name"
          label="Name"
          hint="Optional. Shown next to your tweets."
          value={form.name}
          onChange={set('name')}
          error={failure?.fieldErrors.name}
          autoComplete="name"
          maxLength={100}
        />
        <Field
          id="signup-username"
          label="Username"
          hint="3 to 30 letters, digits or underscores."
          value={form.username}
          onChange={set('username')}
          error={failure?.fieldErrors.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <Field
          id="signup-email"
          label="Email"
          type="email"
          value={form.email}
          onChange={set('email')}
          error={failure?.fieldErrors.email}
          autoComplete="email"
          required
        />
        <Field
          id="signup-password"
          label="Password"
          type="password"
          hint="At least 8 characters."
          value={form.password}
          onChange={set('password')}
          error={failure?.fieldErrors.password}
          autoComplete="new-password"
          required
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          Sign up
        </button>
      </form>
      <ExternalSignInButtons />
      <p className="form-aside">
        Already have an account? <Link to="/login">Go to the login page</Link>
      </p>
    </section>
  );
}
