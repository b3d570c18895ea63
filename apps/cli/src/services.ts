import type { ServiceDefinition } from '@starling/kit';
import { builtWebApp } from '@starling/web/site';
import { SERVICES } from './topology.js';

/** Every service, in the order they start. The embedded process runs them all. */
export const allServices = (): ServiceDefinition[] => SERVICES.map((s) => s.definition());

/** The built web app (apps/web/dist), served at `/` by `starling start`; undefined when not built. */
export const webAppRoot = builtWebApp;
