import { loadSettings, perWindow, type Environment } from '@starling/kit';
import { z } from 'zod';

/** The gateway's settings: how many requests a client address may send, and how large an upload. */
const schema = z.object({
  GATEWAY_RATE_LIMIT: perWindow('REQUESTS', '1200/60'),
  /**
   * The largest body of an operation that takes a multipart/form-data upload (other
   * bodies: BODY_LIMIT). The service behind checks its own limit; this one only needs to
   * be no smaller: 17 MB holds a 16 MB picture and its form.
   */
  GATEWAY_UPLOAD_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(17 * 1024 * 1024),
});

export type GatewaySettings = z.infer<typeof schema>;

export const gatewaySettings = (env: Environment): GatewaySettings => loadSettings(schema, env);
