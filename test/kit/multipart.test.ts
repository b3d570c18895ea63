import type { RouteHandlerMethod } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, loadConfig, type Platform, type ServiceDefinition } from '@starling/kit';
import { expectProblem } from '../support/assertions.js';

/*
 * Uploads through the contract: an operation whose body is multipart/form-data is
 * routed and its handler streams the form; every other content type is a 415, and
 * other operations still refuse a form.
 */
const contract = {
  openapi: '3.1.0',
  info: { title: 'uploads', version: '1' },
  paths: {
    '/api/v9/uploads': {
      post: {
        operationId: 'upload',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: { file: { type: 'string', format: 'binary' }, description: { type: 'string' } },
              },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/api/v9/notes': {
      post: {
        operationId: 'note',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', properties: { text: { type: 'string' } } } } },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
};

const upload: RouteHandlerMethod = async (request) => {
  const part = await request.file({ limits: { fileSize: 8 } });
  if (!part) return { file: null };
  const bytes = await part.toBuffer();
  const description = part.fields.description;
  return {
    file: part.filename,
    type: part.mimetype,
    size: bytes.length,
    description: description && 'value' in description ? description.value : null,
  };
};

const uploads: ServiceDefinition = {
  name: 'uploads',
  openapi: contract,
  migrations: {},
  consumers: () => [],
  handlers: () => ({ upload, note: async () => ({ ok: true }) }),
  verificationKeys: async () => {
    throw new Error('no tokens here');
  },
};

function form(parts: Array<[name: string, value: string, filename?: string, type?: string]>) {
  const boundary = 'starling-boundary';
  const body = parts
    .map(([name, value, filename, type]) =>
      [
        `--${boundary}`,
        `Content-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}`,
        ...(type ? [`Content-Type: ${type}`] : []),
        '',
        value,
      ].join('\r\n'),
    )
    .join('\r\n');
  return { payload: `${body}\r\n--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('multipart/form-data operations', () => {
  let platform: Platform;
  const post = (url: string, payload: string, contentType: string) =>
    platform.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });

  beforeAll(async () => {
    platform = await createPlatform({
      config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '' }),
      services: [uploads],
      dataDir: 'memory://',
    });
    await platform.start();
  });
  afterAll(async () => platform?.close());

  it('routes a form to the handler, which streams the file', async () => {
    const { payload, contentType } = form([
      ['description', 'a bird'],
      ['file', 'PNGDATA', 'bird.png', 'image/png'],
    ]);
    const res = await post('/api/v9/uploads', payload, contentType);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ file: 'bird.png', type: 'image/png', size: 7, description: 'a bird' });
  });

  it('answers a file over the limit the handler set with 413', async () => {
    const { payload, contentType } = form([['file', 'far too many bytes', 'bird.png', 'image/png']]);
    expectProblem(await post('/api/v9/uploads', payload, contentType), 413);
  });

  it('answers JSON, text or no body sent to the upload with 415', async () => {
    expectProblem(await post('/api/v9/uploads', '{"file":"x"}', 'application/json'), 415);
    expectProblem(await post('/api/v9/uploads', 'file', 'text/plain'), 415);
    expectProblem(await platform.app.inject({ method: 'POST', url: '/api/v9/uploads' }), 415);
  });

  it('answers a form sent to a JSON operation with 415, as before', async () => {
    const { payload, contentType } = form([['text', 'hello']]);
    expectProblem(await post('/api/v9/notes', payload, contentType), 415);
    expect((await post('/api/v9/notes', '{"text":"hello"}', 'application/json')).statusCode).toBe(200);
  });
});
