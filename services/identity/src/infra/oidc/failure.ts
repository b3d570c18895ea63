/**
 * Why an external sign-in was refused, as the web app names it (`/login?error=<code>`).
 * The code says what the person can do about it; the log says what went wrong.
 */
export type ExternalLoginCode =
  | 'unknown_provider'
  | 'provider_unavailable'
  | 'denied'
  | 'invalid_state'
  | 'invalid_response'
  | 'email_missing'
  | 'email_in_use'
  | 'identity_in_use'
  | 'account_gone'
  | 'too_many_sign_ups';

export class ExternalLoginFailure extends Error {
  override name = 'ExternalLoginFailure';
  constructor(
    readonly code: ExternalLoginCode,
    /** For the log only: what the provider or a check said. */
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}
