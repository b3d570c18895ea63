import { appendToStream, newId, readAfter, seal, sealKeyOf, START } from '@starling/kit';
import { newEvent, OperationNoticed } from '@starling/events';
import { grantAdmin } from '@starling/identity';
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { beforeAll, expect, it } from 'vitest';
import { NotificationCreated } from '../../services/notify/src/notifications/events.js';
import { WebhookCreated } from '../../services/notify/src/webhooks/events.js';
import { actionsOf } from '../support/actions.js';
import { eventually, expectProblem, nextLink } from '../support/assertions.js';
import { receiver, type Received } from '../support/webhook-receiver.js';
import { contractChecker } from '../support/contract.js';
import { inEachStorageMode, PASSWORD, useStarling, type RequestOptions, type Starling } from '../support/starling.js';

interface Delivery {
  id: string;
  event_type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  response_code?: number;
  error?: string;
  response_excerpt?: string;
  latency_ms?: number;
}

inEachStorageMode(
  'webhooks API v2',
  (mode) => {
    const s = useStarling(mode, {
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_BASE_MS: '2',
      WEBHOOK_MAX_ATTEMPTS: '5',
      WEBHOOK_POLL_MS: '50',
    });
    const hooks = receiver();
    let expectContract: ReturnType<typeof contractChecker>;
    beforeAll(async () => {
      expectContract = contractChecker((await s.request({ url: '/openapi.json' })).json());
    });
    /** A request whose answer must keep the contract. */
    const call = async (o: RequestOptions) => {
      const res = await s.request(o);
      if (o.url.startsWith('/api/v2/webhooks')) expectContract(o.method ?? 'GET', o.url, res);
      return res;
    };
    const { postOk, removeOk } = actionsOf(s);

    const create = (token: string, json: object) => call({ method: 'POST', url: '/api/v2/webhooks', token, json });
    async function createOk(token: string, json: object) {
      const res = await create(token, json);
      expect(res.statusCode, res.body).toBe(201);
      return { ...(res.json() as { id: string; secret: string; enabled: boolean }), etag: res.headers.etag as string };
    }
    const deliveries = async (token: string, id: string, query = '') => {
      const res = await call({ url: `/api/v2/webhooks/${id}/deliveries${query}`, token });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { deliveries: Delivery[] }).deliveries;
    };
    const notifyEvents = async () => {
      const db = s.platform.contexts.find((c) => c.name === 'notify')!.db;
      const { rows } = await sql<{ type: string; data: string }>`
        select type, data::text as data from events order by position`.execute(db);
      return rows;
    };
    const verified = (secret: string, r: Received) =>
      new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
        type: string;
        timestamp: string;
        data: Record<string, unknown>;
      };
    async function admin(on: Starling, username: string) {
      const user = await on.signUp(username);
      const identity = on.platform.contexts.find((c) => c.name === 'identity')!;
      await grantAdmin(identity.write, identity.db, username);
      // The role is in the token: a new login carries it.
      const login = await on.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        json: { username, password: PASSWORD },
      });
      return { ...user, token: login.json().access_token as string };
    }

    it('registers, shows, changes and removes a webhook with ETags, never showing or logging its secret again', async () => {
      const ada = await s.signUp('wh_ada');
      const res = await create(ada.token, {
        url: hooks.url('crud'),
        events: ['tweet.created', 'notification.follow'],
        description: 'my hook',
      });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({
        url: hooks.url('crud'),
        events: ['tweet.created', 'notification.follow'],
        description: 'my hook',
        scope: 'account',
        enabled: true,
      });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`/api/v2/webhooks/${created.id}`);
      const secretBytes = created.secret.slice('whsec_'.length);

      const got = await call({ url: `/api/v2/webhooks/${created.id}`, token: ada.token });
      expect(got.statusCode).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.json()).not.toHaveProperty('secret');
      const again = await call({
        url: `/api/v2/webhooks/${created.id}`,
        token: ada.token,
        headers: { 'if-none-match': '"1"' },
      });
      expect(again.statusCode).toBe(304);

      const patch = (json: object, ifMatch?: string) =>
        call({
          method: 'PATCH',
          url: `/api/v2/webhooks/${created.id}`,
          token: ada.token,
          json,
          ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
        });
      const changed = await patch({ description: 'renamed', events: ['tweet.deleted'] }, '"1"');
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.json()).toMatchObject({ description: 'renamed', events: ['tweet.deleted'] });
      expectProblem(await patch({ description: 'lost update' }, '"1"'), 412);
      expectProblem(await patch({ url: 'ftp://example.com/' }, '"2"'), 422, ['url']);
      expectProblem(await patch({ events: ['account.created'] }, '"2"'), 422, ['events.0']);
      expectProblem(await patch({}), 400);

      const list = await call({ url: '/api/v2/webhooks', token: ada.token });
      expect(list.json().webhooks).toEqual([expect.objectContaining({ id: created.id, description: 'renamed' })]);
      for (const body of [got.body, changed.body, list.body]) {
        expect(body).not.toContain(secretBytes);
        expect(body).not.toContain('whsec_');
      }
      const logged = (await notifyEvents()).map((e) => e.data).join('\n');
      expect(logged).toContain(created.id);
      expect(logged).not.toContain(secretBytes);
      expect(logged).not.toContain('whsec_');

      const remove = (ifMatch: string) =>
        call({
          method: 'DELETE',
          url: `/api/v2/webhooks/${created.id}`,
          token: ada.token,
          headers: { 'if-match': ifMatch },
        });
      expectProblem(await remove('"1"'), 412);
      expect((await remove('"2"')).statusCode).toBe(204);
      expectProblem(await call({ url: `/api/v2/webhooks/${created.id}`, token: ada.token }), 404);
      expect((await call({ url: '/api/v2/webhooks', token: ada.token })).json().webhooks).toEqual([]);
    });

    it('refuses bad registrations, naming the field, and changes nothing', async () => {
      const bob = await s.signUp('wh_bob');
      expectProblem(await create(bob.token, { url: 'gopher://example.com/', events: ['tweet.created'] }), 422, ['url']);
      expectProblem(await create(bob.token, { url: hooks.url('x'), events: [] }), 400, ['events']);
      expectProblem(await create(bob.token, { url: hooks.url('x'), events: ['tweet.liked'] }), 400, ['events.0']);
      expectProblem(await create(bob.token, { url: hooks.url('x'), events: ['account.created'] }), 422, ['events.0']);
      expectProblem(await create(bob.token, { url: hooks.url('x'), events: ['tweet.created', 'topic.tweets'] }), 422, [
        'events.1',
      ]);
      expectProblem(
        await create(bob.token, { url: hooks.url('x'), events: ['account.created'], scope: 'instance' }),
        403,
      );
      expectProblem(
        await call({
          method: 'POST',
          url: '/api/v2/webhooks',
          json: { url: hooks.url('x'), events: ['tweet.created'] },
        }),
        401,
      );
      expect((await call({ url: '/api/v2/webhooks', token: bob.token })).json().webhooks).toEqual([]);
    });

    it("answers 404 for someone else's webhook, whatever is asked", async () => {
      const ada = await s.signUp('wh_owner');
      const eve = await s.signUp('wh_eve');
      const hook = await createOk(ada.token, { url: hooks.url('private'), events: ['tweet.created'] });
      const base = `/api/v2/webhooks/${hook.id}`;
      expectProblem(await call({ url: base, token: eve.token }), 404);
      expectProblem(await call({ method: 'PATCH', url: base, token: eve.token, json: { enabled: false } }), 404);
      expectProblem(await call({ method: 'DELETE', url: base, token: eve.token }), 404);
      expectProblem(await call({ method: 'POST', url: `${base}/rotate_secret`, token: eve.token }), 404);
      expectProblem(await call({ url: `${base}/deliveries`, token: eve.token }), 404);
      expect((await call({ url: base, token: ada.token })).json()).toMatchObject({ enabled: true });
      expect((await call({ url: '/api/v2/webhooks', token: eve.token })).json().webhooks).toEqual([]);
    });

    it('delivers signed events that verify with a Standard Webhooks library, only the owner’s, newest first in the list', async () => {
      const ada = await s.signUp('wh_signed');
      const bob = await s.signUp('wh_other');
      const hook = await createOk(ada.token, { url: hooks.url('signed'), events: ['tweet.created', 'tweet.deleted'] });
      const first = await postOk(ada.token, 'first to the hook');
      await postOk(bob.token, 'not ada’s');
      const second = await postOk(ada.token, 'second to the hook');
      await removeOk(ada.token, first.id);

      const got = await eventually(async () => {
        expect(hooks.at('signed')).toHaveLength(3);
        return hooks.at('signed');
      });
      const payloads = got.map((r) => verified(hook.secret, r));
      expect(payloads.map((p) => [p.type, p.data.id])).toEqual([
        ['tweet.created', first.id],
        ['tweet.created', second.id],
        ['tweet.deleted', first.id],
      ]);
      expect(payloads[0]!.data).toMatchObject({ author_id: ada.id, body: 'first to the hook' });
      expect(Date.parse(payloads[0]!.timestamp)).not.toBeNaN();

      const listed = await eventually(async () => {
        const all = await deliveries(ada.token, hook.id);
        expect(all.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered']);
        return all;
      });
      expect(listed.map((d) => d.event_type)).toEqual(['tweet.deleted', 'tweet.created', 'tweet.created']);
      expect(listed.map((d) => d.id)).toEqual(got.map((r) => r.headers['webhook-id']).reverse());
      expect(listed[0]).toMatchObject({ attempts: 1, response_code: 200, response_excerpt: 'answer 200' });
      expect(listed[0]!.latency_ms).toBeGreaterThanOrEqual(0);

      // The bus delivering the same events again, as one batch, queues nothing twice.
      const tweetsQueue = s.platform.subscriptions.find((sub) => sub.consumer.name === 'notify.webhooks.tweets')!;
      const tweetEvents = await readAfter(
        s.platform.contexts.find((c) => c.name === 'tweets')!.db,
        'tweets',
        START,
        10_000,
      );
      const again = tweetEvents.filter((e) => tweetsQueue.consumer.types.includes(e.type));
      expect(again.length).toBeGreaterThan(1);
      await tweetsQueue.db.transaction().execute((trx) => tweetsQueue.consumer.handleBatch!(again, trx));
      expect(await deliveries(ada.token, hook.id)).toHaveLength(3);

      const page = await call({ url: `/api/v2/webhooks/${hook.id}/deliveries?limit=2`, token: ada.token });
      expect(page.json().deliveries.map((d: Delivery) => d.id)).toEqual(listed.slice(0, 2).map((d) => d.id));
      const rest = await call({ url: nextLink(page)!, token: ada.token });
      expect(rest.json().deliveries.map((d: Delivery) => d.id)).toEqual([listed[2]!.id]);
      expect(nextLink(rest)).toBeUndefined();
    });

    it('retries a failing receiver with the same webhook-id: three 500s then a 200 arrive once, 4 attempts recorded, in order', async () => {
      const ada = await s.signUp('wh_retry');
      const hook = await createOk(ada.token, { url: hooks.url('flaky'), events: ['tweet.created'] });
      hooks.script('flaky', [500, 500, 500]);
      const one = await postOk(ada.token, 'retried');
      const two = await postOk(ada.token, 'after it');

      await eventually(async () => expect(hooks.at('flaky')).toHaveLength(5));
      const got = hooks.at('flaky');
      const ids = got.map((r) => verified(hook.secret, r).data.id);
      // The second waits for the first to succeed: order per endpoint.
      expect(ids).toEqual([one.id, one.id, one.id, one.id, two.id]);
      expect(new Set(got.slice(0, 4).map((r) => r.headers['webhook-id'])).size).toBe(1);

      const listed = await eventually(async () => {
        const all = await deliveries(ada.token, hook.id);
        expect(all.map((d) => d.status)).toEqual(['delivered', 'delivered']);
        return all;
      });
      expect(listed[1]).toMatchObject({ id: got[0]!.headers['webhook-id'], attempts: 4, response_code: 200 });
      expect(listed[0]).toMatchObject({ attempts: 1 });
      await new Promise((r) => setTimeout(r, 300));
      expect(hooks.at('flaky')).toHaveLength(5);
    });

    it('delivers the owner’s notifications as notification.<type>', async () => {
      const ada = await s.signUp('wh_notified');
      const bob = await s.signUp('wh_actor');
      const hook = await createOk(ada.token, { url: hooks.url('notes'), events: ['notification.follow'] });
      const notify = s.platform.contexts.find((c) => c.name === 'notify')!;
      const notification = (recipient: string, type: 'follow' | 'like') => {
        const id = newId();
        return notify.write((trx) =>
          appendToStream(trx, `notification-${id}`, 0, [
            newEvent(NotificationCreated, { notification_id: id, recipient_id: recipient, type, actor_id: bob.id }),
          ]),
        );
      };
      await notification(bob.id, 'follow');
      await notification(ada.id, 'like');
      await notification(ada.id, 'follow');
      const [got] = await eventually(async () => {
        expect(hooks.at('notes')).toHaveLength(1);
        return hooks.at('notes');
      });
      expect(verified(hook.secret, got!)).toMatchObject({
        type: 'notification.follow',
        data: { type: 'follow', recipient_id: ada.id, actor_id: bob.id },
      });
    });

    it('rotates the secret: later deliveries verify with the new one only', async () => {
      const ada = await s.signUp('wh_rotate');
      const hook = await createOk(ada.token, { url: hooks.url('rotated'), events: ['tweet.created'] });
      const rotated = await call({
        method: 'POST',
        url: `/api/v2/webhooks/${hook.id}/rotate_secret`,
        token: ada.token,
      });
      expect(rotated.statusCode, rotated.body).toBe(200);
      expect(rotated.headers.etag).toBe('"2"');
      const { secret } = rotated.json();
      expect(secret).toMatch(/^whsec_/);
      expect(secret).not.toBe(hook.secret);
      await postOk(ada.token, 'signed anew');
      const [got] = await eventually(async () => {
        expect(hooks.at('rotated')).toHaveLength(1);
        return hooks.at('rotated');
      });
      expect(verified(secret, got!).type).toBe('tweet.created');
      expect(() => verified(hook.secret, got!)).toThrow();
      expect((await notifyEvents()).map((e) => e.data).join('\n')).not.toContain(secret.slice('whsec_'.length));
    });

    it('does not follow a redirect: the attempt fails with its status', async () => {
      const ada = await s.signUp('wh_redirect');
      const hook = await createOk(ada.token, { url: hooks.url('redirect'), events: ['tweet.created'] });
      await postOk(ada.token, 'redirected');
      const [delivery] = await eventually(async () => {
        const all = await deliveries(ada.token, hook.id);
        expect(all[0]?.attempts).toBeGreaterThanOrEqual(1);
        return all;
      });
      expect(delivery).toMatchObject({ response_code: 307, error: expect.stringMatching(/redirect.*not followed/) });
      expect(hooks.at('moved')).toHaveLength(0);
    });

    it('lets a slow endpoint hold back no other, and refuses to redeliver a delivery still pending', async () => {
      const ada = await s.signUp('wh_slow');
      hooks.slow('slow', 1_500);
      const slow = await createOk(ada.token, { url: hooks.url('slow'), events: ['tweet.created'] });
      await createOk(ada.token, { url: hooks.url('fast'), events: ['tweet.created'] });
      await postOk(ada.token, 'to both');
      await eventually(async () => expect(hooks.at('fast')).toHaveLength(1), 1_400, 20);
      const [pending] = await deliveries(ada.token, slow.id);
      expect(pending).toMatchObject({ status: 'pending' });
      expectProblem(
        await call({
          method: 'POST',
          url: `/api/v2/webhooks/${slow.id}/deliveries/${pending!.id}/redeliver`,
          token: ada.token,
        }),
        409,
      );
      await eventually(async () => expect((await deliveries(ada.token, slow.id))[0]!.status).toBe('delivered'));
    });

    it('disables an endpoint that keeps failing, tells its owner, and resumes once enabled again', async () => {
      const ada = await s.signUp('wh_failing');
      const hook = await createOk(ada.token, { url: hooks.url('down'), events: ['tweet.created'] });
      hooks.script('down', [500, 503, 500, 502, 500]);
      await postOk(ada.token, 'never arrives');
      const webhook = await eventually(async () => {
        const res = await call({ url: `/api/v2/webhooks/${hook.id}`, token: ada.token });
        expect(res.json().enabled).toBe(false);
        return res;
      }, 20_000);
      expect(webhook.json().disabled_reason).toMatch(/failed 5 times/);
      const [failed] = await deliveries(ada.token, hook.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 5, response_code: 500 });
      expect(hooks.at('down')).toHaveLength(5);
      const told = (await notifyEvents())
        .filter((e) => e.type === NotificationCreated.type)
        .map((e) => JSON.parse(e.data));
      expect(told).toContainEqual(
        expect.objectContaining({ type: 'webhook_disabled', recipient_id: ada.id, webhook_id: hook.id }),
      );

      // Disabled: nothing more is queued or sent.
      await postOk(ada.token, 'while disabled');
      await new Promise((r) => setTimeout(r, 300));
      expect(hooks.at('down')).toHaveLength(5);

      const enabled = await call({
        method: 'PATCH',
        url: `/api/v2/webhooks/${hook.id}`,
        token: ada.token,
        json: { enabled: true },
        headers: { 'if-match': webhook.headers.etag as string },
      });
      expect(enabled.statusCode, enabled.body).toBe(200);
      expect(enabled.json().enabled).toBe(true);
      expect(enabled.json()).not.toHaveProperty('disabled_reason');
      const back = await postOk(ada.token, 'after the fix');
      await eventually(async () => expect(hooks.at('down')).toHaveLength(6));
      expect(verified(hook.secret, hooks.at('down')[5]!).data.id).toBe(back.id);

      const redelivered = await call({
        method: 'POST',
        url: `/api/v2/webhooks/${hook.id}/deliveries/${failed!.id}/redeliver`,
        token: ada.token,
      });
      expect(redelivered.statusCode, redelivered.body).toBe(202);
      expect(redelivered.json()).toMatchObject({ id: failed!.id, status: 'pending' });
      await eventually(async () => expect(hooks.at('down')).toHaveLength(7));
      expect(hooks.at('down')[6]!.headers['webhook-id']).toBe(failed!.id);
      await eventually(async () =>
        expect((await deliveries(ada.token, hook.id)).find((d) => d.id === failed!.id)).toMatchObject({
          status: 'delivered',
          attempts: 6,
        }),
      );
    });

    it('gives admins instance webhooks for sign-ups, deletions and rule topics, without private data', async () => {
      const root = await admin(s, 'wh_root');
      const res = await create(root.token, {
        url: hooks.url('instance'),
        events: ['account.created', 'account.deleted', 'topic.moderation'],
        scope: 'instance',
      });
      expect(res.statusCode, res.body).toBe(201);
      const hook = res.json();
      expect(hook.scope).toBe('instance');
      const carol = await s.signUp('wh_carol');
      const [got] = await eventually(async () => {
        expect(hooks.at('instance')).toHaveLength(1);
        return hooks.at('instance');
      });
      expect(verified(hook.secret, got!)).toMatchObject({
        type: 'account.created',
        data: { id: carol.id, username: 'wh_carol' },
      });
      expect(got!.body).not.toContain('@example.com');
      const listed = await call({ url: '/api/v2/webhooks', token: root.token });
      expect(listed.json().webhooks.map((w: { id: string }) => w.id)).toContain(hook.id);
      expectProblem(await call({ url: `/api/v2/webhooks/${hook.id}`, token: carol.token }), 404);

      // A notification rule's topic, noticed by the tweets service's HTTP layer.
      const tweets = s.platform.contexts.find((c) => c.name === 'tweets')!;
      await tweets.write((trx) =>
        appendToStream(trx, `operation-${newId()}`, 0, [
          newEvent(OperationNoticed, {
            topic: 'moderation',
            phase: 'after',
            operation_id: 'deleteTweet',
            method: 'DELETE',
            path: '/api/v2/tweets/{id}',
            params: { id: 'T1' },
            status: 204,
            actor_id: carol.id,
            request_id: 'req-1',
          }),
        ]),
      );
      const [, noticed] = await eventually(async () => {
        expect(hooks.at('instance')).toHaveLength(2);
        return hooks.at('instance');
      });
      expect(verified(hook.secret, noticed!)).toMatchObject({
        type: 'topic.moderation',
        data: { topic: 'moderation', service: 'tweets', operation_id: 'deleteTweet', params: { id: 'T1' } },
      });

      // Carol leaves: her own webhook goes with her; the instance hears of it, by id and name only.
      const own = await createOk(carol.token, { url: hooks.url('carols'), events: ['tweet.created'] });
      const left = await s.request({
        method: 'DELETE',
        url: '/api/v1/users',
        json: { username: 'wh_carol' },
        token: carol.token,
      });
      expect(left.statusCode, left.body).toBe(204);
      const [, , gone] = await eventually(async () => {
        expect(hooks.at('instance')).toHaveLength(3);
        return hooks.at('instance');
      });
      expect(verified(hook.secret, gone!)).toMatchObject({
        type: 'account.deleted',
        data: { id: carol.id, username: 'wh_carol' },
      });
      await s.platform.bus.drain();
      const notify = s.platform.contexts.find((c) => c.name === 'notify')!;
      const { rows } = await sql<{ id: string }>`select id from webhooks where owner_id = ${carol.id}`.execute(
        notify.db,
      );
      expect(rows).toEqual([]);
      expect(
        (await notifyEvents()).filter((e) => e.type === 'WebhookDeleted').map((e) => JSON.parse(e.data)),
      ).toContainEqual({
        webhook_id: own.id,
      });
      expect((await call({ url: '/api/v2/webhooks', token: root.token })).json().webhooks).toEqual([
        expect.objectContaining({ id: hook.id }),
      ]);
    });
  },
  { timeout: 60_000 },
);

inEachStorageMode('webhooks refusing internal addresses', (mode) => {
  const s = useStarling(mode, { WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_BASE_MS: '60000' });
  const hooks = receiver();

  it('refuses metadata, private and loopback URLs at registration, naming the url', async () => {
    const ada = await s.signUp('whs_ada');
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/hook',
      'http://localhost:8080/hook',
    ]) {
      const res = await s.request({
        method: 'POST',
        url: '/api/v2/webhooks',
        token: ada.token,
        json: { url, events: ['tweet.created'] },
      });
      expectProblem(res, 422, ['url']);
    }
    expect((await s.request({ url: '/api/v2/webhooks', token: ada.token })).json().webhooks).toEqual([]);
  });

  it('refuses at send time a URL that now resolves to an internal address', async () => {
    const ada = await s.signUp('whs_late');
    const notify = s.platform.contexts.find((c) => c.name === 'notify')!;
    // Registered while it was allowed (an operator has since stopped allowing it).
    const id = newId();
    await notify.write((trx) =>
      appendToStream(trx, `webhook-${id}`, 0, [
        newEvent(WebhookCreated, {
          webhook_id: id,
          owner_id: ada.id,
          scope: 'account',
          url: `http://localhost:${hooks.port()}/late`,
          events: ['tweet.created'],
          description: '',
          sealed_secret: seal(sealKeyOf(notify.config), 'whsec_' + Buffer.alloc(32, 7).toString('base64')),
        }),
      ]),
    );
    await actionsOf(s).postOk(ada.token, 'not to localhost');
    const [delivery] = await eventually(async () => {
      const res = await s.request({ url: `/api/v2/webhooks/${id}/deliveries`, token: ada.token });
      const all = res.json().deliveries as Delivery[];
      expect(all[0]?.attempts).toBe(1);
      return all;
    });
    expect(delivery).toMatchObject({ status: 'pending', error: expect.stringMatching(/refused.*internal address/) });
    expect(delivery).not.toHaveProperty('response_code');
    expect(hooks.at('late')).toHaveLength(0);
  });
});
