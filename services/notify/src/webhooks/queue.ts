import { newId, type Consumer, type Db, type RecordedEvent } from '@starling/kit';
import { OperationNoticed, TweetDeleted, TweetPosted, UserDeleted, UserRegistered, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import { NotificationCreated } from '../notifications/events.js';
import type { NotifyDb } from '../tables.js';
import { NOTIFICATION_EVENTS, topicEvent } from './subscriptions.js';

/**
 * The services whose `OperationNoticed` events (the notification rules' topics) become
 * `topic.<name>` deliveries for instance webhooks. A service that starts applying the
 * rules is added here.
 */
export const TOPIC_SOURCES = ['identity', 'tweets', 'graph', 'timeline', 'media', 'notify'] as const;

/** Which webhooks an event goes to, besides taking its type: an account's own, the instance's, or both. */
type Audience = { account: string } | { instance: true } | { account: string; instance: true };

/**
 * Queues `type` with `data` (Standard Webhooks' `{type, timestamp, data}`) for every
 * enabled webhook of `audience` that takes it: one row per webhook and source event, so
 * an event the bus redelivers is queued once.
 */
async function enqueue(
  trx: Db,
  event: RecordedEvent,
  type: string,
  data: Record<string, unknown>,
  audience: Audience,
  attempts: number,
): Promise<void> {
  const db: NotifyDb = trx;
  const account = 'account' in audience ? audience.account : undefined;
  const instance = 'instance' in audience;
  const targets = await db
    .selectFrom('webhooks')
    .select('id')
    .where('enabled', '=', true)
    .where(sql<boolean>`events @> ${JSON.stringify([type])}::jsonb`)
    .where((eb) =>
      eb.or([
        ...(account !== undefined ? [eb.and([eb('scope', '=', 'account'), eb('owner_id', '=', account)])] : []),
        ...(instance ? [eb('scope', '=', 'instance')] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  if (targets.length === 0) return;
  const body = JSON.stringify({ type, timestamp: event.recordedAt.toISOString(), data });
  const now = new Date();
  await db
    .insertInto('webhook_deliveries')
    .values(
      targets.map((target) => ({
        id: newId(),
        webhook_id: target.id,
        source_event_id: event.eventId,
        event_type: type,
        body,
        status: 'pending' as const,
        attempts: 0,
        attempts_left: attempts,
        manual: false,
        next_attempt_at: now,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['webhook_id', 'source_event_id']).doNothing())
    .execute();
}

/**
 * Gives `consumer` a `handleBatch` that passes over a whole batch in one query when no
 * enabled webhook of `scope` (any, when not given) takes any of `events`, the common case during a seed or a long catch-up; otherwise each
 * event is handled as usual.
 */
function passingOverUnwanted(consumer: Consumer, events: string[] | 'any topic', scope?: 'instance'): Consumer {
  return {
    ...consumer,
    async handleBatch(batch, trx) {
      const db: NotifyDb = trx;
      const wanted = await db
        .selectFrom('webhooks')
        .select('id')
        .where('enabled', '=', true)
        .$if(scope !== undefined, (q) => q.where('scope', '=', scope!))
        .where(
          events === 'any topic'
            ? sql<boolean>`events::text like '%"topic.%'`
            : sql<boolean>`events ?| array[${sql.join(events)}]::text[]`,
        )
        .limit(1)
        .executeTakeFirst();
      if (!wanted) return;
      for (const event of batch) await consumer.handle(event, trx);
    },
  };
}

const defined = (entries: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));

/** The consumers that turn events into deliveries; `attempts` is what each delivery gets. */
export function deliveryQueues(attempts: number): Consumer[] {
  const notifications: Consumer = {
    name: 'notify.webhooks.notifications',
    source: 'notify',
    types: [NotificationCreated.type],
    async handle(event, trx) {
      const d = payloadOf(NotificationCreated, event);
      // A notice about a webhook itself goes to the owner in the app and by mail, not to a webhook.
      if (d.type === 'webhook_disabled') return;
      const data = defined({
        notification_id: d.notification_id,
        type: d.type,
        recipient_id: d.recipient_id,
        actor_id: d.actor_id,
        tweet_id: d.tweet_id,
      });
      await enqueue(trx, event, `notification.${d.type}`, data, { account: d.recipient_id }, attempts);
    },
  };
  const tweets: Consumer = {
    name: 'notify.webhooks.tweets',
    source: 'tweets',
    types: [TweetPosted.type, TweetDeleted.type],
    async handle(event, trx) {
      if (event.type === TweetPosted.type) {
        const d = payloadOf(TweetPosted, event);
        const data = defined({
          id: d.tweet_id,
          author_id: d.author_id,
          author_username: d.author_username,
          body: d.body,
          in_reply_to_id: d.in_reply_to_id,
          created_at: event.recordedAt.toISOString(),
        });
        await enqueue(trx, event, 'tweet.created', data, { account: d.author_id, instance: true }, attempts);
        return;
      }
      const d = payloadOf(TweetDeleted, event);
      const data = { id: d.tweet_id, author_id: d.author_id };
      await enqueue(trx, event, 'tweet.deleted', data, { account: d.author_id, instance: true }, attempts);
    },
  };
  const accounts: Consumer = {
    name: 'notify.webhooks.accounts',
    source: 'identity',
    types: [UserRegistered.type, UserDeleted.type],
    async handle(event, trx) {
      // Only who: never an address or anything else private.
      if (event.type === UserRegistered.type) {
        const d = payloadOf(UserRegistered, event);
        await enqueue(
          trx,
          event,
          'account.created',
          { id: d.user_id, username: d.username },
          { instance: true },
          attempts,
        );
        return;
      }
      const d = payloadOf(UserDeleted, event);
      await enqueue(
        trx,
        event,
        'account.deleted',
        { id: d.user_id, username: d.username },
        { instance: true },
        attempts,
      );
    },
  };
  const topics = TOPIC_SOURCES.map((source): Consumer => ({
    name: `notify.webhooks.topics.${source}`,
    source,
    types: [OperationNoticed.type],
    async handle(event, trx) {
      const d = payloadOf(OperationNoticed, event);
      const type = topicEvent(d.topic);
      if (!type) return;
      const data = defined({
        topic: d.topic,
        phase: d.phase,
        service: source,
        operation_id: d.operation_id,
        method: d.method,
        path: d.path,
        params: d.params,
        status: d.status,
        actor_id: d.actor_id,
        request_id: d.request_id,
      });
      await enqueue(trx, event, type, data, { instance: true }, attempts);
    },
  }));
  return [
    passingOverUnwanted(
      notifications,
      NOTIFICATION_EVENTS.map((t) => `notification.${t}`),
    ),
    passingOverUnwanted(tweets, ['tweet.created', 'tweet.deleted']),
    passingOverUnwanted(accounts, ['account.created', 'account.deleted'], 'instance'),
    ...topics.map((consumer) => passingOverUnwanted(consumer, 'any topic', 'instance')),
  ];
}
