import { graphService } from '@starling/graph';
import { identityService } from '@starling/identity';
import type { ServiceDefinition } from '@starling/kit';
import { timelineService } from '@starling/timeline';
import { tweetsService } from '@starling/tweets';
import { builtWebApp } from '@starling/web/site';

/** Every service, in the order they start. The embedded process runs them all. */
export const allServices = (): ServiceDefinition[] => [
  identityService(),
  tweetsService(),
  graphService(),
  timelineService(),
];

export function serviceNamed(name: string): ServiceDefinition {
  const service = allServices().find((s) => s.name === name);
  if (!service) throw new Error(`no service named ${name}`);
  return service;
}

/** The built web app (apps/web/dist), served at `/` by `starling start`; undefined when not built. */
export const webAppRoot = builtWebApp;
