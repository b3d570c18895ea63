import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendProblem } from '../http/error-handler.js';
import { problems } from '../http/problem.js';
import { FolderStore, UploadRefused, type UploadGrant } from './folder-store.js';

/** The largest file `/media-uploads` reads, whatever a form allows. */
export const FOLDER_UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;

/** Objects never change under a key (a new version gets a new key), and never run as a page. */
const OBJECT_HEADERS = {
  'cache-control': 'public, max-age=31536000, immutable',
  'x-content-type-options': 'nosniff',
  'content-disposition': 'inline',
  'content-security-policy': "default-src 'none'; sandbox",
};

/**
 * What S3 does for a folder store, in this process: serves its objects at
 * `/media/<key>` and takes the uploads it presigned at `/media-uploads`. Hidden from
 * the API docs, like /healthz.
 */
export function installFolderRoutes(app: FastifyInstance, store: FolderStore): void {
  app.get('/media/*', { schema: { hide: true } }, async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    const file = await store.open(key);
    if (!file) return sendProblem(reply, problems.notFound('There is no such object.'));
    const etag = `"${file.size.toString(16)}-${file.modified.getTime().toString(16)}"`;
    reply.headers({ ...OBJECT_HEADERS, etag, 'last-modified': file.modified.toUTCString() });
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(file.contentType).header('content-length', file.size).send(createReadStream(file.path));
  });

  app.post('/media-uploads', { schema: { hide: true } }, async (request, reply) => {
    if (!request.isMultipart()) {
      return sendProblem(reply, problems.unsupportedMediaType('Send the upload form as multipart/form-data.'));
    }
    const part = await request.file({ limits: { fileSize: FOLDER_UPLOAD_MAX_BYTES } });
    if (!part) return sendProblem(reply, problems.badRequest('The form has no file.'));
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(part.fields)) {
      if (value && !Array.isArray(value) && value.type === 'field') fields[name] = String(value.value);
    }
    let grant: UploadGrant;
    try {
      grant = await store.checkUpload(fields);
    } catch (err) {
      if (!(err instanceof UploadRefused)) throw err;
      const problem = err.reason === 'form' ? problems.badRequest(err.message) : problems.forbidden(err.message);
      return refuse(reply, part.file, problem);
    }
    if (part.fieldname !== 'file') return refuse(reply, part.file, problems.badRequest('Send the file as `file`.'));
    if (part.mimetype !== grant.contentType) {
      const detail = `The file is ${part.mimetype}; this form takes ${grant.contentType}.`;
      return refuse(reply, part.file, problems.unsupportedMediaType(detail));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the client still gets the answer.
      if (size <= grant.maxBytes) chunks.push(chunk);
    }
    if (size > grant.maxBytes || part.file.truncated) {
      return sendProblem(reply, problems.payloadTooLarge(`The file is larger than ${grant.maxBytes} bytes.`));
    }
    if (size === 0) return sendProblem(reply, problems.badRequest('The file is empty.'));
    await store.put(grant.key, Buffer.concat(chunks), { contentType: grant.contentType });
    return reply.code(204).send();
  });
}

/** Answers with `problem` once the file has been read (and dropped), so the client sees the answer. */
async function refuse(
  reply: FastifyReply,
  file: NodeJS.ReadableStream,
  problem: Parameters<typeof sendProblem>[1],
): Promise<FastifyReply> {
  file.resume();
  await new Promise((done) => file.once('end', done).once('close', done).once('error', done));
  return sendProblem(reply, problem);
}
