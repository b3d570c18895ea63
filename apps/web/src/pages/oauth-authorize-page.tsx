import { useSearchParams } from 'react-router';
import { errorMessage } from '../api/problem.js';
import { useAuthorizationRequest, useDecideAuthorization, type OAuthQuery } from '../api/use-apps.js';
import { Loading } from '../components/loading.js';
import { RequireAuth } from '../components/require-auth.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

const PARAMS = ['response_type', 'scope', 'state', 'code_challenge', 'code_challenge_method'] as const;

/** The query of /oauth/authorize, as an app sent the person here. */
function oauthQuery(params: URLSearchParams): OAuthQuery {
  const query: OAuthQuery = {
    client_id: params.get('client_id') ?? '',
    redirect_uri: params.get('redirect_uri') ?? '',
  };
  for (const name of PARAMS) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  return query;
}

/**
 * The consent page an app sends a person to (OAuth 2's authorization endpoint): who
 * asks for what. The request is checked before anything is shown; a bad one is an
 * error here and never a redirect. Signing in comes next, then Authorize or Deny.
 */
export function OAuthAuthorizePage() {
  useDocumentTitle('Authorize an app');
  const [params] = useSearchParams();
  const query = oauthQuery(params);
  const request = useAuthorizationRequest(query);
  const decide = useDecideAuthorization();

  if (!query.client_id || !query.redirect_uri) {
    return <Refused reason="This link is missing the app's client_id or redirect_uri." />;
  }
  if (request.isError) return <Refused reason={errorMessage(request.error)} />;
  if (!request.data) return <Loading />;
  const { app, scopes, out_of_band } = request.data;

  const answer = (approve: boolean) =>
    decide.mutate(
      { query, approve },
      {
        onSuccess: (outcome) => {
          if (outcome.redirect_to) window.location.assign(outcome.redirect_to);
        },
      },
    );

  return (
    <RequireAuth>
      {(me) => (
        <section className="form-page" aria-labelledby="oauth-heading">
          <h1 id="oauth-heading">Authorize {app.name}?</h1>
          {decide.data?.code ? (
            <>
              <p>Copy this code into {app.name}:</p>
              <p>
                <code className="oauth-code" aria-label="Authorization code">
                  {decide.data.code}
                </code>
              </p>
            </>
          ) : decide.data?.error ? (
            <p role="status">You did not authorize {app.name}.</p>
          ) : (
            <>
              <p>
                <strong>{app.name}</strong>
                {app.website ? (
                  <>
                    {' '}
                    (<a href={app.website}>{app.website}</a>)
                  </>
                ) : null}{' '}
                asks to use your account <strong>@{me.user.username}</strong>. It will be able to:
              </p>
              <ul aria-label="Requested permissions">
                {scopes.map(({ scope, description }) => (
                  <li key={scope}>
                    {description} <small>({scope})</small>
                  </li>
                ))}
              </ul>
              {out_of_band ? <p>You will be shown a code to copy into the app.</p> : null}
              <p>You can revoke it at any time in Settings, under Authorized apps.</p>
              <div className="form-actions">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={decide.isPending}
                  onClick={() => answer(true)}
                >
                  Authorize
                </button>{' '}
                <button type="button" className="button" disabled={decide.isPending} onClick={() => answer(false)}>
                  Deny
                </button>
              </div>
              {decide.isError && (
                <p className="form-error" role="alert">
                  {errorMessage(decide.error)}
                </p>
              )}
            </>
          )}
        </section>
      )}
    </RequireAuth>
  );
}

function Refused({ reason }: { reason: string }) {
  return (
    <section className="form-page" aria-labelledby="oauth-heading">
      <h1 id="oauth-heading">This app cannot be authorized</h1>
      <p role="alert">{reason}</p>
    </section>
  );
}
