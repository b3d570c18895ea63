import { createHmac, randomBytes } from 'node:crypto';

/**
 * Signing as the Standard Webhooks specification says, so receivers can verify with its
 * libraries: the secret is `whsec_` and the base64 of random bytes; a delivery carries
 * `webhook-id`, `webhook-timestamp` (seconds) and `webhook-signature`, `v1,` and the
 * base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` keyed with the secret's bytes.
 */
const PREFIX = 'whsec_';

export const newSecret = (): string => PREFIX + randomBytes(32).toString('base64');

export function signatureHeaders(secret: string, id: string, body: string, at: Date): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
