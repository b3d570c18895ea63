import { identityService } from '@starling/identity';
import type { ServiceDefinition } from '@starling/kit';
import { tweetsService } from '@starling/tweets';

/** Every service, in the order they start. The embedded process runs them all. */
export const allServices = (): ServiceDefinition[] => [identityService(), tweetsService()];
