import type { NotificationType } from '@starling/events';
import { encodeCursor } from '@starling/kit';
import type { StarlingClient } from '@starling/sdk';
import type { Notification } from '../presenters/notification.js';
import { answerOf, succeeded } from './starling-api.js';

/** The largest page notify serves. */
const NOTIFY_PAGE = 100;

/** Notify's notifications API, as one caller (the client carries their credentials). */
export class NotifyApi {
  constructor(private readonly api: StarlingClient) {}

  /** The caller's notifications of `types`, newest first, older than `before` when given. */
  async page(types: readonly NotificationType[], limit: number, before?: string): Promise<Notification[]> {
    // notify's cursor is the kit's: the last notification id seen.
    const query = { limit, 'types[]': [...types], ...(before ? { cursor: encodeCursor(before) } : {}) };
    return answerOf(await this.api.GET('/api/v2/notifications', { params: { query } })).notifications;
  }

  /**
   * Every notification of `types` newer than `after`, newest first, walking back page by
   * page from `before` (or the newest) until one at or before `after`.
   */
  async newerThan(types: readonly NotificationType[], after: string, before?: string): Promise<Notification[]> {
    const found: Notification[] = [];
    for (let cursor = before; ;) {
      const page = await this.page(types, NOTIFY_PAGE, cursor);
      for (const n of page) {
        if (n.id <= after) return found;
        found.push(n);
      }
      if (page.length < NOTIFY_PAGE) return found;
      cursor = page.at(-1)!.id;
    }
  }

  /** Every notification of `types`, newest first, a page at a time. */
  async *all(types: readonly NotificationType[]): AsyncGenerator<Notification[]> {
    for (let cursor: string | undefined; ;) {
      const page = await this.page(types, NOTIFY_PAGE, cursor);
      if (page.length) yield page;
      if (page.length < NOTIFY_PAGE) return;
      cursor = page.at(-1)!.id;
    }
  }

  /** One of the caller's notifications; undefined when it is none of theirs (or not shown). */
  async one(id: string): Promise<Notification | undefined> {
    const answer = await this.api.GET('/api/v2/notifications/{id}', { params: { path: { id } } });
    if (answer.response.status === 404) return undefined;
    return answerOf(answer);
  }

  /** Removes one; false when it is none of the caller's. */
  async dismiss(id: string): Promise<boolean> {
    const answer = await this.api.DELETE('/api/v2/notifications/{id}', { params: { path: { id } } });
    if (answer.response.status === 404) return false;
    succeeded(answer);
    return true;
  }

  /** Moves the web app's read marker up to `id` (never back); an id none of theirs changes nothing. */
  async markRead(id: string): Promise<void> {
    const answer = await this.api.POST('/api/v2/notifications/read', { body: { up_to_id: id } });
    if (answer.response.status !== 404) succeeded(answer);
  }
}
