import { STARLING_VERSION } from '../presenters/instance.js';
import type { Handler } from './deps.js';

/** NodeInfo 2.0: Starling, no federation protocol, open sign-up. */
export const mastodonNodeinfo: Handler<'mastodonNodeinfo'> = () => {
  const document = {
    version: '2.0',
    software: { name: 'starling', version: STARLING_VERSION },
    protocols: [],
    services: { outbound: [], inbound: [] },
    usage: { users: { total: 0, activeMonth: 0, activeHalfyear: 0 }, localPosts: 0 },
    openRegistrations: true,
    metadata: { nodeName: 'Starling' },
  };
  return async () => document;
};
