import '@fastify/multipart';
import { problems } from '@starling/kit';
import type { MediaAttachment } from '@starling/sdk';
import { answerOf, starlingApi } from '../infra/starling-api.js';
import { presentMediaAttachment } from '../presenters/media.js';
import { mastodonSettings } from '../settings.js';
import { siteOf, type Handler } from './deps.js';

/**
 * Mastodon's upload, for apps' tokens only (Starling's own upload answers the rest at
 * this path: docs/mastodon.md): the form's `file` and `description` go to Starling's
 * upload as they came; `focus` and `thumbnail` are accepted and ignored. 202 with
 * `url: null` while the picture is processed, 200 once it is ready, as Mastodon answers.
 */
export const mastodonUploadMedia: Handler<'mastodonUploadMedia'> = (ctx) => {
  const maxBytes = mastodonSettings(ctx.config.env).MEDIA_IMAGE_MAX_BYTES;
  return async (request, reply) => {
    await ctx.auth.require(request);
    const form = new FormData();
    let file = false;
    const limits = { fileSize: maxBytes, files: 2, fields: 10, fieldSize: 4096, parts: 12 };
    for await (const part of request.parts({ limits })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname !== 'file') continue; // a thumbnail: Starling makes its own preview
        if (file) throw problems.validation([{ field: 'file', reason: 'one file only' }]);
        form.append('file', new Blob([new Uint8Array(bytes)], { type: part.mimetype }), part.filename);
        file = true;
      } else if (part.fieldname === 'description' && String(part.value) !== '') {
        form.append('description', String(part.value));
      }
    }
    if (!file) throw problems.validation([{ field: 'file', reason: 'is required' }]);
    const api = starlingApi(ctx, request);
    const media: MediaAttachment = answerOf(
      await api.POST('/api/v2/media', { body: form as never, bodySerializer: (b: unknown) => b as FormData }),
    );
    return reply.code(media.url === null ? 202 : 200).send(presentMediaAttachment(media, siteOf(ctx)));
  };
};
