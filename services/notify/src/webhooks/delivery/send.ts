import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, hostOf, isInternalAddress, refusedUrl } from '../ssrf.js';

export interface SendOptions {
  allowPrivate: boolean;
  connectTimeoutMs: number;
  responseTimeoutMs: number;
}

/** What one attempt came to. `ok` only for a 2xx; a redirect is not followed, so it fails. */
export interface AttemptResult {
  ok: boolean;
  status?: number;
  latencyMs: number;
  /** The start of the response body: at most EXCERPT_BYTES, never more is read. */
  excerpt?: string;
  error?: string;
}

export const EXCERPT_BYTES = 512;

/** Cuts `bytes` to a string of at most EXCERPT_BYTES bytes of UTF-8, not splitting a character. */
export function excerptOf(bytes: Buffer): string {
  let text = bytes.subarray(0, EXCERPT_BYTES).toString('utf8');
  while (Buffer.byteLength(text) > EXCERPT_BYTES) text = text.slice(0, -1);
  return text.replace(/\uFFFD+$/, '');
}

/**
 * POSTs `body` to `url` with `headers`, connecting only to an address that passed the
 * SSRF check: an IP literal is judged here, a name in the lookup the socket connects
 * with. Time-outs on connecting and on the answer's headers; the body is read only as
 * far as the excerpt.
 */
export function send(url: string, body: string, headers: Record<string, string>, options: SendOptions) {
  const started = Date.now();
  return new Promise<AttemptResult>((resolve) => {
    let finished = false;
    const finish = (result: Omit<AttemptResult, 'latencyMs'>) => {
      if (finished) return;
      finished = true;
      clearTimeout(timers.connect);
      clearTimeout(timers.response);
      resolve({ ...result, latencyMs: Date.now() - started });
    };
    const timers: { connect?: NodeJS.Timeout; response?: NodeJS.Timeout } = {};
    const wrong = refusedUrl(url);
    if (wrong) return finish({ ok: false, error: `the URL ${wrong}` });
    const target = new URL(url);
    const host = hostOf(target);
    if (isIP(host) && !options.allowPrivate && isInternalAddress(host)) {
      return finish({ ok: false, error: 'refused: the URL is an internal address' });
    }
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(target, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Starling-Webhooks/1',
      },
      lookup: guardedLookup(options.allowPrivate),
      agent: false,
    });
    timers.connect = setTimeout(
      () => request.destroy(new Error(`no connection within ${options.connectTimeoutMs} ms`)),
      options.connectTimeoutMs,
    );
    timers.response = setTimeout(
      () => request.destroy(new Error(`no answer within ${options.responseTimeoutMs} ms`)),
      options.responseTimeoutMs,
    );
    request.on('socket', (socket) => {
      socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(timers.connect));
    });
    request.on('error', (err: Error) =>
      finish({ ok: false, error: err.name === 'RefusedAddress' ? `refused: ${err.message}` : err.message }),
    );
    request.on('response', (response) => {
      clearTimeout(timers.response);
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let length = 0;
      const done = () => {
        response.destroy();
        const ok = status >= 200 && status < 300;
        const excerpt = excerptOf(Buffer.concat(chunks));
        const error = ok
          ? undefined
          : status >= 300 && status < 400
            ? `redirect to ${response.headers.location ?? '(no location)'} not followed`
            : `the receiver answered ${status}`;
        finish({ ok, status, ...(excerpt ? { excerpt } : {}), ...(error ? { error } : {}) });
      };
      // The rest of a long body is never read: only the excerpt is kept.
      timers.response = setTimeout(done, options.responseTimeoutMs);
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= EXCERPT_BYTES) done();
      });
      response.on('end', done);
      response.on('error', done);
    });
    request.end(body);
  });
}
