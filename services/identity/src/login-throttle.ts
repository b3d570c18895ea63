import { setTimeout as sleep } from 'node:timers/promises';
import { problems } from '@starling/kit';
import { AttemptCounters, secondsUntil, type Limit } from './attempt-counters.js';
import { usernameKey } from './domain/user.js';

/** The longest an account's failures slow each of its logins. */
const MAX_DELAY_MS = 5000;

/**
 * How long a login for an account waits after `failures` wrong passwords in the window:
 * nothing up to the limit, then 250 ms doubling with each failure, to at most 5 s. The
 * owner is slowed while someone guesses, never shut out.
 */
export const accountDelayMs = (failures: number, limit: number): number =>
  failures < limit ? 0 : Math.min(MAX_DELAY_MS, 250 * 2 ** (failures - limit));

/**
 * Login throttling that no one can turn against an account's owner: an address that
 * keeps failing is refused (429) whatever account it tries, and an account whose
 * password keeps failing from anywhere gets a growing delay, which a correct password
 * from another address waits out and gets through.
 */
export class LoginThrottle {
  constructor(
    private readonly counters: AttemptCounters,
    private readonly limit: Limit,
  ) {}

  /** Refuses a failing address; waits out the account's delay. */
  async beforeAttempt(username: string, address: string): Promise<void> {
    const [byAddress, byAccount] = [`login-address:${address}`, `login-account:${usernameKey(username)}`];
    const counts = await this.counters.read([byAddress, byAccount]);
    const fromAddress = counts.get(byAddress);
    if (fromAddress && fromAddress.count >= this.limit.attempts) {
      throw problems.tooManyRequests(secondsUntil(fromAddress.endsAt));
    }
    const delay = accountDelayMs(counts.get(byAccount)?.count ?? 0, this.limit.attempts);
    if (delay > 0) await sleep(delay);
  }

  async failed(username: string, address: string): Promise<void> {
    await this.counters.count(
      [`login-address:${address}`, `login-account:${usernameKey(username)}`],
      this.limit.windowSeconds,
    );
  }
}

/** Sign-ups per client address: each costs a slow, memory-hungry password hash. */
export class SignUpThrottle {
  constructor(
    private readonly counters: AttemptCounters,
    private readonly limit: Limit,
  ) {}

  /** Counts a sign-up from `address`, or refuses it (429) when the address has made too many. */
  async attempt(address: string): Promise<void> {
    const key = `sign-up-address:${address}`;
    const current = (await this.counters.read([key])).get(key);
    if (current && current.count >= this.limit.attempts) {
      throw problems.tooManyRequests(secondsUntil(current.endsAt), 'Too many sign-ups from this address. Try later.');
    }
    await this.counters.count([key], this.limit.windowSeconds);
  }
}

/**
 * Password-reset requests per client address, whatever address each names: one client
 * cannot make the form mail many accounts (each account's own mails are limited too).
 */
export class PasswordResetThrottle {
  constructor(
    private readonly counters: AttemptCounters,
    private readonly limit: Limit,
  ) {}

  /** Counts a request from `address`, or refuses it (429) when the address has made too many. */
  async attempt(address: string): Promise<void> {
    const key = `password-reset-address:${address}`;
    const current = (await this.counters.read([key])).get(key);
    if (current && current.count >= this.limit.attempts) {
      throw problems.tooManyRequests(secondsUntil(current.endsAt), 'Too many password-reset requests. Try later.');
    }
    await this.counters.count([key], this.limit.windowSeconds);
  }
}
