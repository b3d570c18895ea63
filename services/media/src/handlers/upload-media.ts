import '@fastify/multipart';
import { isStorableText, refuse, Refusal } from '@starling/kit';
import type { FastifyRequest } from 'fastify';
import { uploadMedia as upload } from '../commands/upload-media.js';
import { MAX_DESCRIPTION_LENGTH } from '../domain/media.js';
import { depsOf } from '../commands/deps.js';
import type { Handler } from './deps.js';
import { showMedia } from './show.js';

/**
 * POST /api/v2/media: a multipart form with `file` and an optional `description`, read
 * as it streams in and cut off at MEDIA_IMAGE_MAX_BYTES (413). The contract's body
 * schema is checked here, since the body is streamed rather than parsed; a body that is
 * not a form never gets here (the kit answers 415: registerOperations).
 */
export const uploadMedia: Handler<'uploadMedia'> = (ctx, settings) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  const { file, description } = await readForm(request, settings.MEDIA_IMAGE_MAX_BYTES).catch((err: unknown) => {
    if (err instanceof Refusal) throw err;
    const { code, statusCode } = err as { code?: string; statusCode?: number };
    if (code === 'FST_REQ_FILE_TOO_LARGE' || statusCode === 413) {
      throw refuse.tooLarge(`The file is larger than ${settings.MEDIA_IMAGE_MAX_BYTES} bytes.`);
    }
    throw refuse.invalid([{ field: 'file', reason: 'the form is not well-formed multipart/form-data' }]);
  });
  if (!file || file.bytes.length === 0) throw refuse.invalid([{ field: 'file', reason: 'is required and not empty' }]);
  const id = await upload(depsOf(ctx, settings), caller, { ...file, description }, request.id);
  return showMedia(ctx, request, reply, caller.userId, id, 202);
};

/** The form's `file` and `description`, refusing any other field, a second file, or a description too long. */
async function readForm(request: FastifyRequest, maxBytes: number) {
  let file: { bytes: Buffer; filename: string; mimetype: string } | undefined;
  let description: string | undefined;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 2, fields: 4 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) {
        throw refuse.invalid([{ field: part.fieldname, reason: 'one file, in the field named file' }]);
      }
      file = { bytes: await part.toBuffer(), filename: part.filename, mimetype: part.mimetype };
    } else if (part.fieldname === 'description') {
      description = String(part.value);
      if (!isStorableText(description)) {
        throw refuse.invalid([{ field: 'description', reason: 'must not contain NUL or unpaired surrogates' }]);
      }
      if ([...description].length > MAX_DESCRIPTION_LENGTH) {
        throw refuse.invalid([
          { field: 'description', reason: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` },
        ]);
      }
    } else {
      throw refuse.invalid([{ field: part.fieldname, reason: 'is not a field of this form' }]);
    }
  }
  return { file, description };
}
