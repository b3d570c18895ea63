import { externalSignInUrl, useLoginProviders } from '../api/use-sign-in-methods.js';

/** What a refused external sign-in (`?error=<code>`, set by the API's callback) means to the person. */
const REFUSALS: Record<string, string> = {
  unknown_provider: 'That sign-in provider is not configured here.',
  provider_unavailable: 'The sign-in provider could not be reached. Try again in a moment.',
  denied: 'The sign-in was cancelled or refused at the provider.',
  invalid_state: 'That sign-in expired or was already used. Start again.',
  invalid_response: "The provider's answer could not be verified, so you were not signed in. Start again.",
  email_missing: 'The provider did not share an email address, which a Starling account needs.',
  email_in_use:
    'An account already uses the email address from that provider. Log in with your password, then link the provider in Settings.',
  identity_in_use: 'That identity is already linked to another Starling account.',
  account_gone: 'The account linked to that identity no longer exists.',
  too_many_sign_ups: 'Too many accounts were made from your network lately. Try again later.',
};

export function externalSignInError(code: string | null): string | undefined {
  if (!code) return undefined;
  return REFUSALS[code] ?? 'Signing in with that provider did not work. Start again.';
}

/** "Continue with …" for each configured provider: a navigation to the provider and back. */
export function ExternalSignInButtons() {
  const providers = useLoginProviders().data ?? [];
  if (providers.length === 0) return null;
  return (
    <div className="external-sign-in">
      <p className="external-sign-in-or">or</p>
      {providers.map((p) => (
        <a key={p.id} className="button" href={externalSignInUrl(p.id)}>
          Continue with {p.name}
        </a>
      ))}
    </div>
  );
}
