import '@fastify/multipart';
import { problems, refuse } from '@starling/kit';
import { uploadMedia as upload } from '../commands/upload-media.js';
import { MAX_DESCRIPTION_LENGTH } from '../domain/media.js';
import type { Handler } from './deps.js';
import { showMedia } from './show.js';

/**
 * POST /api/v2/media: a multipart form with `file` and an optional `description`, read
 * as it streams in and cut off at MEDIA_IMAGE_MAX_BYTES (413). The contract's body
 * schema is checked here, since the body is streamed rather than parsed.
 */
export const uploadMedia: Handler<'uploadMedia'> = (ctx, settings) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  if (!request.isMultipart()) {
    throw problems.unsupportedMediaType('Send the picture as multipart/form-data, in a field named file.');
  }
  let file: { bytes: Buffer; filename: string; mimetype: string } | undefined;
  let description: string | undefined;
  for await (const part of request.parts({ limits: { fileSize: settings.MEDIA_IMAGE_MAX_BYTES, files: 1 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file')
        throw refuse.invalid([{ field: part.fieldname, reason: 'is not a field of this form' }]);
      const bytes = await part.toBuffer().catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw refuse.tooLarge(`The file is larger than ${settings.MEDIA_IMAGE_MAX_BYTES} bytes.`);
        }
        throw err;
      });
      file = { bytes, filename: part.filename, mimetype: part.mimetype };
    } else if (part.fieldname === 'description') {
      description = String(part.value);
      if ([...description].length > MAX_DESCRIPTION_LENGTH) {
        throw refuse.invalid([
          { field: 'description', reason: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` },
        ]);
      }
    } else {
      throw refuse.invalid([{ field: part.fieldname, reason: 'is not a field of this form' }]);
    }
  }
  if (!file || file.bytes.length === 0) throw refuse.invalid([{ field: 'file', reason: 'is required and not empty' }]);
  const id = await upload(
    { db: ctx.db, write: ctx.write, objects: ctx.objects, settings },
    caller,
    { ...file, description },
    request.id,
  );
  return showMedia(ctx, request, reply, caller.userId, id, 202);
};
