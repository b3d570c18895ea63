import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/problem.js';
import { useConfirmEmail } from '../api/use-account-mail.js';
import { Loading } from '../components/loading.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/** Where a mailed confirmation link lands (`/verify-email?token=…`): confirms at once and says how it went. */
export function VerifyEmailPage() {
  useDocumentTitle('Confirm your email');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmEmail();
  const { mutate } = confirm;
  // Once per visit: a token works once, and React may run effects twice in development.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate(token);
  }, [token, mutate]);

  const unusable = !token || (confirm.error instanceof ApiError && confirm.error.status === 400);
  return (
    <section className="form-page" aria-labelledby="verify-heading">
      <h1 id="verify-heading">Confirm your email</h1>
      {confirm.isSuccess ? (
        <p className="form-success" role="status">
          Thank you: your email address is confirmed.
        </p>
      ) : unusable ? (
        <div className="form-error" role="alert">
          <p>
            This link no longer works: it was used already, has expired, was sent to an address you have changed since,
            or is not complete.
          </p>
          <p>Signed in, you can have a new one mailed from your profile.</p>
        </div>
      ) : confirm.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(confirm.error)}
        </p>
      ) : (
        <Loading />
      )}
      <p className="form-aside">
        <Link to="/">Go to Starling</Link>
      </p>
    </section>
  );
}
