import {
  NotificationCreated,
  parseEntities,
  payloadOf,
  tagKey,
  TweetDeleted,
  TweetPosted,
  TweetReposted,
  UserFollowed,
  UserUnfollowed,
} from '@starling/events';
import type { Consumer, RecordedEvent } from '@starling/kit';
import { FollowLists } from './follow-lists.js';
import type { LiveConnection, LiveEvent } from './live-connection.js';
import { LiveStatuses } from './live-statuses.js';

/**
 * The live connections this process serves, and the consumers that feed them: every
 * process follows tweets', graph's and notify's events for itself (`everyProcess`,
 * from now on), since each holds its own connections. A consumer only hands each event
 * to the connections; sending happens on each connection's own time, but what an event
 * shows is read once for all of them (`statuses`), and a user's follow list once for all
 * their connections (`follows`).
 */
export class LiveHub {
  private readonly connections = new Set<LiveConnection>();
  readonly statuses = new LiveStatuses();
  readonly follows = new FollowLists();

  add(connection: LiveConnection): () => void {
    this.connections.add(connection);
    return () => {
      if (this.connections.delete(connection)) connection.close();
    };
  }

  get size(): number {
    return this.connections.size;
  }

  publish(event: LiveEvent): void {
    if (event.kind === 'followed' || event.kind === 'unfollowed') {
      return this.follows.followed(event.followerId, event.followeeId, event.kind === 'followed');
    }
    for (const connection of this.connections) connection.take(event);
  }

  consumers(): Consumer[] {
    const feed = (source: string, types: string[], toLive: (event: RecordedEvent) => LiveEvent): Consumer => ({
      name: `mastodon.live.${source}`,
      source,
      types,
      everyProcess: { since: () => new Date() },
      handle: async (event) => {
        if (this.connections.size > 0) this.publish(toLive(event));
      },
    });
    return [
      feed('tweets', [TweetPosted.type, TweetDeleted.type, TweetReposted.type], tweetEvent),
      feed('graph', [UserFollowed.type, UserUnfollowed.type], followEvent),
      feed('notify', [NotificationCreated.type], (event) => {
        const n = payloadOf(NotificationCreated, event);
        return { kind: 'notification', notificationId: n.notification_id, recipientId: n.recipient_id };
      }),
    ];
  }
}

function tweetEvent(event: RecordedEvent): LiveEvent {
  switch (event.type) {
    case TweetPosted.type: {
      const t = payloadOf(TweetPosted, event);
      const entities = t.entities ?? parseEntities(t.body);
      return {
        kind: 'posted',
        tweetId: t.tweet_id,
        authorId: t.author_id,
        tags: entities.hashtags.map((h) => tagKey(h.tag)),
      };
    }
    case TweetReposted.type: {
      const r = payloadOf(TweetReposted, event);
      return { kind: 'reposted', repostId: r.repost_id, tweetId: r.tweet_id, userId: r.user_id, username: r.username };
    }
    default:
      return { kind: 'deleted', tweetId: payloadOf(TweetDeleted, event).tweet_id };
  }
}

function followEvent(event: RecordedEvent): LiveEvent {
  if (event.type === UserFollowed.type) {
    const f = payloadOf(UserFollowed, event);
    return { kind: 'followed', followerId: f.follower_id, followeeId: f.followee_id };
  }
  const f = payloadOf(UserUnfollowed, event);
  return { kind: 'unfollowed', followerId: f.follower_id, followeeId: f.followee_id };
}
