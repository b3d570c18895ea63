import { problems } from '@starling/kit';
import type { MediaAttachment, StarlingClient } from '@starling/sdk';
import { answerOf } from './starling-api.js';

/** The media service's API for one caller's uploads. */
export class MediaApi {
  constructor(private readonly api: StarlingClient) {}

  async get(id: string): Promise<MediaAttachment> {
    return this.mine(id, await this.api.GET('/api/v2/media/{id}', { params: { path: { id } } }));
  }

  async describe(id: string, description: string): Promise<MediaAttachment> {
    return this.mine(id, await this.api.PUT('/api/v2/media/{id}', { params: { path: { id } }, body: { description } }));
  }

  /** Another's upload is as absent as one that never was: Mastodon answers 404 for both. */
  private mine<T>(id: string, answer: { data?: T; error?: unknown; response: Response }): T {
    if (answer.response.status === 403) throw problems.notFound(`You have no media ${id}.`);
    return answerOf(answer);
  }
}
