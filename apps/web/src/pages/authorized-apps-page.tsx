import { errorMessage } from '../api/problem.js';
import { useAppAuthorizations, useRevokeAppAuthorization } from '../api/use-apps.js';
import { ErrorMessage } from '../components/error-message.js';
import { Loading } from '../components/loading.js';
import { RelativeTime } from '../components/relative-time.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/** The apps the signed-in person let act for them, each with a Revoke button. */
export function AuthorizedAppsPage() {
  useDocumentTitle('Authorized apps');
  const authorizations = useAppAuthorizations();
  const revoke = useRevokeAppAuthorization();
  return (
    <section className="form-page" aria-labelledby="apps-heading">
      <h1 id="apps-heading">Authorized apps</h1>
      <p>Apps you let use your account. Revoking one signs it out at once.</p>
      {authorizations.isError ? (
        <ErrorMessage
          what="Couldn't load your authorized apps."
          error={authorizations.error}
          onRetry={() => void authorizations.refetch()}
        />
      ) : !authorizations.data ? (
        <Loading />
      ) : authorizations.data.length === 0 ? (
        <p>You have not authorized any app.</p>
      ) : (
        <ul className="authorized-apps" aria-label="Authorized apps">
          {authorizations.data.map((authorization) => (
            <li key={authorization.id}>
              <strong>{authorization.app.name}</strong>
              {authorization.app.website ? (
                <>
                  {' '}
                  <a href={authorization.app.website}>{authorization.app.website}</a>
                </>
              ) : null}
              <br />
              <small>
                {authorization.scopes.join(' ')}; authorized <RelativeTime iso={authorization.created_at} />
              </small>{' '}
              <button
                type="button"
                className="button button-danger"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(authorization.id)}
                aria-label={`Revoke ${authorization.app.name}`}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {revoke.isError && (
        <p className="form-error" role="alert">
          {errorMessage(revoke.error)}
        </p>
      )}
    </section>
  );
}
