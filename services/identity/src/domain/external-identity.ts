import { refuse } from '@starling/kit';
import type { LinkedIdentity, UserState } from './user.js';

/**
 * What an external provider says of the person who signed in there, once its answer
 * was checked: `subject` is its stable id for them; the rest may be absent.
 */
export interface ExternalProfile {
  provider: string;
  subject: string;
  email?: string | undefined;
  /** True only when the provider says it verified `email`. */
  emailVerified: boolean;
  preferredUsername?: string | undefined;
  name?: string | undefined;
}

const USERNAME_MIN = 3;
const USERNAME_MAX = 30;

/**
 * The username a new account starts from, made of what the provider tells (a preferred
 * username, else the email's local part, else the name) and fitted to Starling's rules
 * (3 to 30 letters, digits or underscores). `usernameCandidates` makes it unique.
 */
export function baseUsername(profile: Pick<ExternalProfile, 'preferredUsername' | 'email' | 'name'>): string {
  const sources = [profile.preferredUsername, profile.email?.split('@')[0], profile.name];
  for (const source of sources) {
    const cleaned = (source ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, USERNAME_MAX);
    if (cleaned.length >= USERNAME_MIN) return cleaned;
    if (cleaned.length > 0) return `${cleaned}_user`;
  }
  return 'user';
}

/** `base`, then `base_2`, `base_3`…: each still 30 characters at most. */
export function* usernameCandidates(base: string, tries = 20): Generator<string> {
  yield base;
  for (let n = 2; n <= tries; n++) {
    const suffix = `_${n}`;
    yield `${base.slice(0, USERNAME_MAX - suffix.length)}${suffix}`;
  }
}

/** Whether the account has a password: one made by an external sign-in has none until it sets one. */
export const hasPassword = (state: Pick<UserState, 'passwordHash'>) => state.passwordHash !== '';

/**
 * The identity to unlink, if the account keeps a way to sign in without it: a password
 * or another identity. Unlinking the last one would lock its owner out.
 */
export function decideUnlinking(state: UserState, identityId: string): LinkedIdentity {
  const identity = state.identities.find((i) => i.id === identityId);
  if (!identity) throw refuse.notFound(`There is no linked identity ${identityId}.`);
  if (!hasPassword(state) && state.identities.length === 1) {
    throw refuse.conflict(
      'This is the only way to sign in to your account: set a password (through "Forgot password?") or link another provider first.',
    );
  }
  return identity;
}
