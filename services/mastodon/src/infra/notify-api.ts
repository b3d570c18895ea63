import { encodeCursor, problems, type ApiFetch } from '@starling/kit';
import type { StarlingNotification } from '../presenters/notification.js';

/** The largest page notify serves. */
const NOTIFY_PAGE = 100;

/** Notify's notifications API, called with one caller's credentials. */
export class NotifyApi {
  constructor(
    private readonly api: ApiFetch,
    private readonly headers: Record<string, string>,
  ) {}

  /** The caller's notifications of `types`, newest first, older than `before` when given. */
  async page(types: readonly string[], limit: number, before?: string): Promise<StarlingNotification[]> {
    const query = new URLSearchParams({ limit: String(limit) });
    for (const type of types) query.append('types[]', type);
    // notify's cursor is the kit's: the last notification id seen.
    if (before) query.set('cursor', encodeCursor(before));
    const res = await this.api(`/api/v2/notifications?${query}`, { headers: this.headers });
    await this.check(res);
    return ((await res.json()) as { notifications: StarlingNotification[] }).notifications;
  }

  /**
   * Every notification of `types` newer than `after`, newest first, walking back page by
   * page from `before` (or the newest) until one at or before `after`.
   */
  async newerThan(types: readonly string[], after: string, before?: string): Promise<StarlingNotification[]> {
    const found: StarlingNotification[] = [];
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
  async *all(types: readonly string[]): AsyncGenerator<StarlingNotification[]> {
    for (let cursor: string | undefined; ;) {
      const page = await this.page(types, NOTIFY_PAGE, cursor);
      if (page.length) yield page;
      if (page.length < NOTIFY_PAGE) return;
      cursor = page.at(-1)!.id;
    }
  }

  /** One of the caller's notifications; undefined when it is none of theirs. */
  async one(id: string): Promise<StarlingNotification | undefined> {
    const res = await this.api(`/api/v2/notifications/${encodeURIComponent(id)}`, { headers: this.headers });
    if (res.status === 404) return undefined;
    await this.check(res);
    return (await res.json()) as StarlingNotification;
  }

  /** Removes one; false when it is none of the caller's. */
  async dismiss(id: string): Promise<boolean> {
    const res = await this.api(`/api/v2/notifications/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      headers: this.headers,
    });
    if (res.status === 404) return false;
    await this.check(res);
    return true;
  }

  /** notify's refusal of the caller (401) is the caller's; anything else is a failure here. */
  private async check(res: Response): Promise<void> {
    if (res.ok) return;
    if (res.status === 401) throw problems.unauthorized();
    throw new Error(`notify answered ${res.status}: ${await res.text()}`);
  }
}
