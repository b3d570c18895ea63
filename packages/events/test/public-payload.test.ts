import { describe, expect, it } from 'vitest';
import { PasswordChanged, publicPayload, TweetPosted, UserRegistered } from '../src/index.js';

describe('publicPayload', () => {
  it('strips credential hashes before an event leaves its service', () => {
    const data = { user_id: 'u1', username: 'ada', email: 'a@x.org', name: 'Ada', password_hash: 'scrypt$...' };
    expect(publicPayload(UserRegistered, data)).toEqual({
      user_id: 'u1',
      username: 'ada',
      email: 'a@x.org',
      name: 'Ada',
    });
    expect(publicPayload(PasswordChanged, { user_id: 'u1', password_hash: 'scrypt$...' })).toEqual({ user_id: 'u1' });
  });

  it('leaves events without secrets as they are', () => {
    const data = { tweet_id: 't', author_id: 'u', author_username: 'ada', body: 'hi' };
    expect(publicPayload(TweetPosted, data)).toEqual(data);
  });
});
