import { ApiError, errorMessage } from '../api/problem.js';
import { useResendConfirmation } from '../api/use-account-mail.js';

function resendFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfter;
    const minutes = wait === undefined ? undefined : Math.ceil(wait / 60);
    return minutes === undefined
      ? 'A link was mailed several times lately. Try again later.'
      : `A link was mailed several times lately. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  }
  return errorMessage(error);
}

/** For the signed-in person whose address is unconfirmed: says so, and mails a new link on request. */
export function EmailUnconfirmedNotice({ email }: { email: string }) {
  const resend = useResendConfirmation();
  return (
    <section className="form-error" aria-label="Email not confirmed">
      <p>
        Email not confirmed: follow the link we mailed to <strong>{email}</strong>.
      </p>
      {resend.isSuccess ? (
        <p role="status">A new link is on its way.</p>
      ) : (
        <>
          {resend.isError && <p role="alert">{resendFailure(resend.error)}</p>}
          <button type="button" className="button" onClick={() => resend.mutate()} disabled={resend.isPending}>
            Resend the link
          </button>
        </>
      )}
    </section>
  );
}
