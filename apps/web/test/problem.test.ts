import { describe, expect, it } from 'vitest';
import { ApiError, describeProblem, NETWORK_MESSAGE, retryAfterSeconds, SERVER_MESSAGE } from '../src/api/problem.js';

const labels = { username: 'Username', password: 'Password' };
const problem = (status: number, errors?: { field: string; reason: string }[]) =>
  new ApiError(status, {
    type: 'about:blank',
    title: 'Bad',
    status,
    detail: 'The body is not valid.',
    ...(errors ? { errors } : {}),
  });

describe('describeProblem', () => {
  it('puts errors about known fields next to them, in plain words', () => {
    const summary = describeProblem(
      problem(400, [
        { field: 'username', reason: 'must match pattern "^[A-Za-z0-9_]{3,30}$"' },
        { field: 'password', reason: 'must NOT have fewer than 8 characters' },
      ]),
      labels,
    );
    expect(summary.fieldErrors).toEqual({
      username: 'Username is not in the expected format',
      password: 'Password must be at least 8 characters',
    });
    expect(summary.message).toBeUndefined();
  });

  it('reports errors about other fields, and the detail when no field is named', () => {
    expect(describeProblem(problem(400, [{ field: 'cursor', reason: 'is invalid' }]), labels).message).toBe(
      'cursor is invalid',
    );
    expect(describeProblem(problem(403), labels)).toEqual({ fieldErrors: {}, message: 'The body is not valid.' });
  });

  it('explains server and network failures without leaking internals', () => {
    expect(describeProblem(problem(503), labels).message).toBe(SERVER_MESSAGE);
    expect(describeProblem(new TypeError('Failed to fetch'), labels).message).toBe(NETWORK_MESSAGE);
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds or an HTTP date', () => {
    expect(retryAfterSeconds('42')).toBe(42);
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds('soon')).toBeUndefined();
  });
});
