import { describe, expect, it } from 'vitest';
import type { Notification } from '../src/notifications/api.js';
import { describe as sentence, groupNotifications } from '../src/notifications/groups.js';

const person = (username: string, name = '') => ({ id: `u-${username}`, username, name });
const tweet = (id: string) => ({ id, author_id: 'u-me', body: `tweet ${id}`, created_at: '2026-12-01T00:00:00.000Z' });
let next = 100;
const n = (type: Notification['type'], who: string, about?: string, read = false): Notification => ({
  id: `N${next--}`,
  type,
  account: person(who, who === 'ada' ? 'Ada Lovelace' : ''),
  ...(about ? { tweet: tweet(about) } : {}),
  created_at: '2026-12-01T00:00:00.000Z',
  read,
});

describe('grouping notifications', () => {
  it('puts likes and reposts of one tweet together, and all follows, keeping the order of the newest', () => {
    const groups = groupNotifications([
      n('like', 'ada', 't1'),
      n('mention', 'bob', 't9'),
      n('like', 'bob', 't1'),
      n('follow', 'cy'),
      n('repost', 'cy', 't1'),
      n('like', 'dee', 't2', true),
      n('follow', 'eve', undefined, true),
      n('like', 'ada', 't1', true),
    ]);
    expect(groups.map((g) => [g.type, g.people.map((p) => p.username), g.unread])).toEqual([
      ['like', ['ada', 'bob'], true],
      ['mention', ['bob'], true],
      ['follow', ['cy', 'eve'], true],
      ['repost', ['cy'], true],
      ['like', ['dee'], false],
    ]);
  });

  it('says who in the way people expect: one, two, or one and so many others', () => {
    const likes = (count: number) =>
      groupNotifications(Array.from({ length: count }, (_, i) => n('like', i === 0 ? 'ada' : `fan${i}`, 't1')))[0]!;
    expect(sentence(likes(1))).toEqual({ who: 'Ada Lovelace', what: 'liked your tweet' });
    expect(sentence(likes(2))).toEqual({ who: 'Ada Lovelace and @fan1', what: 'liked your tweet' });
    expect(sentence(likes(13))).toEqual({ who: 'Ada Lovelace and 12 others', what: 'liked your tweet' });
    const follows = groupNotifications([n('follow', 'bob'), n('follow', 'cy'), n('follow', 'dee')])[0]!;
    expect(sentence(follows)).toEqual({ who: '@bob and 2 others', what: 'followed you' });
  });
});
