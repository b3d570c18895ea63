import { loadSettings, perWindow, type Environment } from '@starling/kit';
import { z } from 'zod';

/** The gateway's settings: how many requests a client address may send. */
const schema = z.object({
  GATEWAY_RATE_LIMIT: perWindow('REQUESTS', '1200/60'),
});

export type GatewaySettings = z.infer<typeof schema>;

export const gatewaySettings = (env: Environment): GatewaySettings => loadSettings(schema, env);
