import { describe, expect, it } from 'vitest';
import { Refusal, type RecordedEvent } from '@starling/kit';
import { change, create, disable, webhook, type WebhookState } from '../../src/webhooks/domain.js';
import { refusedEvent, topicEvent } from '../../src/webhooks/subscriptions.js';

const user = { userId: 'u1', role: 'user' as const };
const admin = { userId: 'a1', role: 'admin' as const };

const recorded = (e: { type: string; data: unknown }, version: number): RecordedEvent => ({
  ...e,
  eventId: `e${version}`,
  streamId: 'webhook-w1',
  version,
  position: version,
  txId: '1',
  schemaVersion: 1,
  metadata: {},
  recordedAt: new Date('2026-12-06T00:00:00Z'),
});

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof Refusal) return err;
    throw err;
  }
  throw new Error('not refused');
};

describe('which events a webhook may take', () => {
  it('gives accounts their notifications and tweets, and instance webhooks also accounts and topics', () => {
    for (const event of ['notification.follow', 'notification.repost', 'tweet.created', 'tweet.deleted']) {
      expect(refusedEvent('account', event), event).toBeUndefined();
      expect(refusedEvent('instance', event), event).toBeUndefined();
    }
    for (const event of ['account.created', 'account.deleted', 'topic.moderation']) {
      expect(refusedEvent('account', event), event).toMatch(/instance event/);
      expect(refusedEvent('instance', event), event).toBeUndefined();
    }
    expect(refusedEvent('instance', 'notification.webhook_disabled')).toMatch(/not an event/);
    expect(topicEvent('tweets.created')).toBe('topic.tweets.created');
    expect(topicEvent('Bad Topic')).toBeUndefined();
  });
});

describe('the webhook aggregate', () => {
  const created = create('w1', user, { url: 'https://example.com/h', events: ['tweet.created'] }, 'sealed');
  const state: WebhookState = webhook.evolve(webhook.initial, recorded(created, 1));

  it('refuses an instance webhook to a non-admin and instance events in an account webhook, naming the item', () => {
    expect(
      refusal(() => create('w2', user, { url: 'https://x.test/', events: ['tweet.created'], scope: 'instance' }, 's'))
        .kind,
    ).toBe('forbidden');
    const wrong = refusal(() =>
      create('w2', admin, { url: 'https://x.test/', events: ['tweet.created', 'account.created'] }, 's'),
    );
    expect(wrong.kind).toBe('unprocessable');
    expect(wrong.fields).toEqual([{ field: 'events.1', reason: expect.stringMatching(/instance event/) }]);
    expect(
      create('w3', admin, { url: 'https://x.test/', events: ['account.created'], scope: 'instance' }, 's').data,
    ).toMatchObject({
      owner_id: 'a1',
      scope: 'instance',
    });
  });

  it('records only what changes, and re-enabling clears the reason it was disabled', () => {
    expect(change(state, { url: 'https://example.com/h', events: ['tweet.created'] })).toBeUndefined();
    expect(change(state, { description: 'new' })?.data).toEqual({ webhook_id: 'w1', description: 'new' });
    const disabled = webhook.evolve(state, recorded(disable(state, 'failing')!, 2));
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'failing' });
    expect(disable(disabled, 'again')).toBeUndefined();
    const enabled = webhook.evolve(disabled, recorded(change(disabled, { enabled: true })!, 3));
    expect(enabled.enabled).toBe(true);
    expect(enabled).not.toHaveProperty('disabledReason');
  });
});
