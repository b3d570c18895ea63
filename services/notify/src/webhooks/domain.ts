import { refuse, type Aggregate, type Caller, type RefusedField } from '@starling/kit';
import { newEvent, payloadOf } from '@starling/events';
import {
  WebhookChanged,
  WebhookCreated,
  WebhookDeleted,
  WebhookDisabled,
  WebhookSecretRotated,
  type WebhookScope,
} from './events.js';
import { refusedEvent } from './subscriptions.js';

export const webhookStream = (id: string) => `webhook-${id}`;

export interface WebhookState {
  exists: boolean;
  deleted: boolean;
  id: string;
  ownerId: string;
  scope: WebhookScope;
  url: string;
  events: string[];
  description: string;
  enabled: boolean;
  disabledReason?: string;
  sealedSecret: string;
  createdAt: Date;
}

export const webhook: Aggregate<WebhookState> = {
  initial: {
    exists: false,
    deleted: false,
    id: '',
    ownerId: '',
    scope: 'account',
    url: '',
    events: [],
    description: '',
    enabled: false,
    sealedSecret: '',
    createdAt: new Date(0),
  },
  evolve(state, event) {
    switch (event.type) {
      case WebhookCreated.type: {
        const d = payloadOf(WebhookCreated, event);
        return {
          ...state,
          exists: true,
          id: d.webhook_id,
          ownerId: d.owner_id,
          scope: d.scope,
          url: d.url,
          events: d.events,
          description: d.description,
          enabled: true,
          sealedSecret: d.sealed_secret,
          createdAt: event.recordedAt,
        };
      }
      case WebhookChanged.type: {
        const d = payloadOf(WebhookChanged, event);
        const { disabledReason: _cleared, ...rest } = state;
        return {
          ...(d.enabled === true ? rest : state),
          ...(d.url !== undefined ? { url: d.url } : {}),
          ...(d.events !== undefined ? { events: d.events } : {}),
          ...(d.description !== undefined ? { description: d.description } : {}),
          ...(d.enabled !== undefined ? { enabled: d.enabled } : {}),
        };
      }
      case WebhookSecretRotated.type:
        return { ...state, sealedSecret: payloadOf(WebhookSecretRotated, event).sealed_secret };
      case WebhookDisabled.type:
        return { ...state, enabled: false, disabledReason: payloadOf(WebhookDisabled, event).reason };
      case WebhookDeleted.type:
        return { ...state, deleted: true };
      default:
        return state;
    }
  },
};

type Manager = Pick<Caller, 'userId' | 'role'>;

/** Who may manage a webhook: its owner; any admin for an instance webhook. */
export const manages = (caller: Manager, owner: { ownerId: string; scope: WebhookScope }) =>
  owner.scope === 'instance' ? caller.role === 'admin' : owner.ownerId === caller.userId;

/** A webhook the caller may manage, not deleted; any other is as if it did not exist. */
export function mustManage(state: WebhookState, id: string, caller: Manager): void {
  if (!state.exists || state.deleted || !manages(caller, state)) throw refuse.notFound(`You have no webhook ${id}.`);
}

function checkEvents(scope: WebhookScope, events: readonly string[]): void {
  // Named as the contract's validation names an item: `events.<index>`.
  const fields: RefusedField[] = events.flatMap((event, i) => {
    const reason = refusedEvent(scope, event);
    return reason ? [{ field: `events.${i}`, reason }] : [];
  });
  if (fields.length) throw refuse.unprocessable('Some events cannot be taken by this webhook.', fields);
}

export interface NewWebhook {
  url: string;
  events: string[];
  description?: string | undefined;
  scope?: WebhookScope | undefined;
}

export function create(id: string, caller: Manager, input: NewWebhook, sealedSecret: string) {
  const scope = input.scope ?? 'account';
  if (scope === 'instance' && caller.role !== 'admin') {
    throw refuse.forbidden('Only an admin may register an instance webhook.');
  }
  checkEvents(scope, input.events);
  return newEvent(WebhookCreated, {
    webhook_id: id,
    owner_id: caller.userId,
    scope,
    url: input.url,
    events: [...new Set(input.events)],
    description: input.description ?? '',
    sealed_secret: sealedSecret,
  });
}

export interface WebhookChanges {
  url?: string | undefined;
  events?: string[] | undefined;
  description?: string | undefined;
  enabled?: boolean | undefined;
}

/** The change to record, or undefined when nothing would change. */
export function change(state: WebhookState, changes: WebhookChanges) {
  if (changes.events) checkEvents(state.scope, changes.events);
  const events = changes.events && [...new Set(changes.events)];
  const differs = {
    ...(changes.url !== undefined && changes.url !== state.url ? { url: changes.url } : {}),
    ...(events && JSON.stringify(events) !== JSON.stringify(state.events) ? { events } : {}),
    ...(changes.description !== undefined && changes.description !== state.description
      ? { description: changes.description }
      : {}),
    ...(changes.enabled !== undefined && changes.enabled !== state.enabled ? { enabled: changes.enabled } : {}),
  };
  if (Object.keys(differs).length === 0) return undefined;
  return newEvent(WebhookChanged, { webhook_id: state.id, ...differs });
}

export const rotate = (state: WebhookState, sealedSecret: string) =>
  newEvent(WebhookSecretRotated, { webhook_id: state.id, sealed_secret: sealedSecret });

/** Disabling after failures: nothing when it is already off or gone (a second worker, a late retry). */
export function disable(state: WebhookState, reason: string) {
  if (!state.exists || state.deleted || !state.enabled) return undefined;
  return newEvent(WebhookDisabled, { webhook_id: state.id, reason });
}

export const remove = (state: WebhookState) => newEvent(WebhookDeleted, { webhook_id: state.id });
