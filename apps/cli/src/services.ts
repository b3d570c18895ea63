import { graphService } from '@starling/graph';
import { identityService } from '@starling/identity';
import type { ServiceDefinition } from '@starling/kit';
import { mastodonService } from '@starling/mastodon';
import { mediaService } from '@starling/media';
import { notifyService } from '@starling/notify';
import { timelineService } from '@starling/timeline';
import { tweetsService } from '@starling/tweets';
import { builtWebApp } from '@starling/web/site';
import { SERVICES, type ServiceName } from './topology.js';

/**
 * Every service's code, for what runs them all (the embedded process, seed, import,
 * export, migrations): loaded together, and built without waiting. One role of the
 * distributed mode loads its own service alone (topology.ts, `definition`).
 */
const BUILDERS: Record<ServiceName, () => ServiceDefinition> = {
  identity: identityService,
  tweets: tweetsService,
  graph: graphService,
  timeline: timelineService,
  media: mediaService,
  notify: notifyService,
  mastodon: mastodonService,
};

/** Every service, in the order they start. The embedded process runs them all. */
export const allServices = (): ServiceDefinition[] => SERVICES.map((s) => BUILDERS[s.name]());

/** The built web app (apps/web/dist), served at `/` by `starling start`; undefined when not built. */
export const webAppRoot = builtWebApp;
