import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newSecret, signatureHeaders } from '../../src/webhooks/signing.js';

describe('webhook signatures', () => {
  it('makes Standard Webhooks secrets and signatures that its library verifies', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    const body = JSON.stringify({ type: 'tweet.created', timestamp: new Date().toISOString(), data: { id: 't1' } });
    const headers = signatureHeaders(secret, 'msg_1', body, new Date());
    expect(headers['webhook-signature']).toMatch(/^v1,/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('signs so that another secret, another body or another id does not verify', () => {
    const secret = newSecret();
    const body = '{"type":"tweet.deleted","timestamp":"2026-12-06T00:00:00.000Z","data":{}}';
    const headers = signatureHeaders(secret, 'msg_2', body, new Date());
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body.replace('deleted', 'created'), headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_3' })).toThrow();
  });
});
