import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../api/problem.js';
import {
  externalSignInUrl,
  useLoginProviders,
  useSignInMethods,
  useUnlinkIdentity,
} from '../api/use-sign-in-methods.js';
import { ErrorMessage } from './error-message.js';
import { externalSignInError } from './external-sign-in.js';
import { Loading } from './loading.js';

/**
 * The settings page's "Sign-in methods": the password (or how to set one) and the
 * linked providers, each with Unlink, and "Link …" for the providers not linked yet.
 * The API refuses to unlink the last way to sign in, and says why.
 */
export function SignInMethodsSection() {
  const providers = useLoginProviders().data ?? [];
  const methods = useSignInMethods();
  const unlink = useUnlinkIdentity();
  const [search] = useSearchParams();

  if (methods.isError)
    return (
      <ErrorMessage
        what="Couldn't load your sign-in methods."
        error={methods.error}
        onRetry={() => void methods.refetch()}
      />
    );
  if (!methods.data) return <Loading />;
  const { has_password, identities } = methods.data;
  if (providers.length === 0 && identities.length === 0) return null;
  const linkable = providers.filter((p) => !identities.some((i) => i.provider === p.id));
  const linked = providers.find((p) => p.id === search.get('linked'));
  const refused = externalSignInError(search.get('error'));

  return (
    <section aria-labelledby="sign-in-methods-heading" className="sign-in-methods">
      <h2 id="sign-in-methods-heading">Sign-in methods</h2>
      {linked && <p role="status">{linked.name} is linked: you can sign in with it.</p>}
      {refused && (
        <p className="form-error" role="alert">
          {refused}
        </p>
      )}
      <p>
        {has_password ? (
          'You can log in with your username and password.'
        ) : (
          <>
            Your account has no password. <Link to="/forgot-password">Set a password</Link> with a link mailed to you.
          </>
        )}
      </p>
      {identities.length > 0 && (
        <ul aria-label="Linked providers">
          {identities.map((identity) => (
            <li key={identity.id}>
              <span>
                {identity.provider_name}
                {identity.email ? ` (${identity.email})` : ''}
              </span>
              <button
                type="button"
                className="button"
                aria-label={`Unlink ${identity.provider_name}`}
                disabled={unlink.isPending}
                onClick={() => unlink.mutate(identity.id)}
              >
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
      {unlink.isError && (
        <p className="form-error" role="alert">
          {errorMessage(unlink.error)}
        </p>
      )}
      {linkable.map((p) => (
        <p key={p.id}>
          <a className="button" href={externalSignInUrl(p.id, true)}>
            Link {p.name}
          </a>
        </p>
      ))}
    </section>
  );
}
