import type { Consumer } from '@starling/kit';
import { UserFollowed, payloadOf } from '@starling/events';
import { announce } from './announce.js';

/** Someone followed you: the followee is told (a follow again after an unfollow is a new one). */
export const followNotifications: Consumer = {
  name: 'notify.notifications.follows',
  source: 'graph',
  types: [UserFollowed.type],
  async handle(event, trx) {
    const { follower_id, followee_id } = payloadOf(UserFollowed, event);
    await announce(trx, event, { recipient_id: followee_id, type: 'follow', actor_id: follower_id });
  },
};
