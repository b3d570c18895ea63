import type { Consumer } from '@starling/kit';
import { UserDeleted, payloadOf } from '@starling/events';
import { withdraw } from './announce.js';

/** A deleted account's notifications, to it and about it, are removed. */
export const accountNotifications: Consumer = {
  name: 'notify.notifications.accounts',
  source: 'identity',
  types: [UserDeleted.type],
  async handle(event, trx) {
    await withdraw(trx, event, { account_id: payloadOf(UserDeleted, event).user_id });
  },
};
