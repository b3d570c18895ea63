import { useSearchParams } from 'react-router';
import { errorMessage } from '../api/problem.js';
import { useUnsubscribe } from '../api/use-mail.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/**
 * Where a notification mail's unsubscribe link leads a person. Opening it changes
 * nothing (mail scanners open links too); the button does, without a login.
 */
export function UnsubscribePage() {
  useDocumentTitle('Unsubscribe');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribe();

  return (
    <section className="form-page" aria-labelledby="unsubscribe-heading">
      <h1 id="unsubscribe-heading">Unsubscribe</h1>
      {!token ? (
        <p>This link is missing its token. Open the link from the mail again.</p>
      ) : unsubscribe.isSuccess ? (
        <p role="status">
          Done: Starling will not mail you about{' '}
          {unsubscribe.data.length > 1 ? 'any notifications' : `${unsubscribe.data[0]} notifications`} any more. You can
          change this in your settings.
        </p>
      ) : (
        <>
          <p>Stop the notification mail this link came from?</p>
          <button
            type="button"
            className="button"
            disabled={unsubscribe.isPending}
            onClick={() => unsubscribe.mutate(token)}
          >
            Unsubscribe
          </button>
          {unsubscribe.isError && (
            <p className="form-error" role="alert">
              {errorMessage(unsubscribe.error)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
