import { problems, type ApiFetch } from '@starling/kit';
import type { StarlingMedia } from '../presenters/media.js';

/** The media service's API for one caller's uploads. */
export class MediaApi {
  constructor(
    private readonly api: ApiFetch,
    private readonly headers: Record<string, string>,
  ) {}

  get(id: string): Promise<StarlingMedia> {
    return this.send(id, { headers: this.headers });
  }

  describe(id: string, description: string): Promise<StarlingMedia> {
    return this.send(id, {
      method: 'PUT',
      headers: { ...this.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ description }),
    });
  }

  /** Another's upload is as absent as one that never was (Mastodon answers 404 for both). */
  private async send(id: string, init: RequestInit): Promise<StarlingMedia> {
    const res = await this.api(`/api/v2/media/${encodeURIComponent(id)}`, init);
    if (res.ok) return (await res.json()) as StarlingMedia;
    if (res.status === 401) throw problems.unauthorized();
    if (res.status === 403 || res.status === 404) throw problems.notFound(`You have no media ${id}.`);
    if (res.status === 400)
      throw problems.badRequest(((await res.json()) as { detail?: string }).detail ?? 'Bad request');
    throw new Error(`media answered ${res.status}: ${await res.text()}`);
  }
}
