import fc from 'fast-check';
import { expect, it } from 'vitest';
import { contractViolations, type CheckedResponse } from '../support/contract.js';
import { operationsOf, requestsFor, type FuzzRequest } from '../support/fuzz/requests.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

/*
 * Generated contract fuzzing: for every operation of the published contract, requests
 * made from its schemas, valid and broken (wrong types, missing and unknown fields,
 * out-of-range numbers, over-long and unstorable strings, random ids and cursors, no
 * body, an empty body, malformed JSON, other content types), with a valid token, a
 * garbage one and none. Every answer must keep the contract: no 5xx, a status the
 * operation declares, a body that matches the declared schema (problem+json for errors).
 *
 * FUZZ_SEED replays a run; FUZZ_RUNS sets the requests per operation.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** Operations that end the fuzzing user's session or account go last, so the others see a live token. */
const ENDING = ['logout', 'deleteUser', 'deleteUserByUsername'];
/** Operations that answer with an endless event stream, read only up to its headers. */
const STREAMS = [
  'streamHome',
  'streamNotifications',
  'mastodonStreamUser',
  'mastodonStreamPublic',
  'mastodonStreamHashtag',
];

inEachStorageMode(
  'contract fuzzing',
  (mode) => {
    const s = useStarling(mode);

    it('every generated request to every operation is answered as the contract says', async () => {
      const document = (await s.request({ url: '/openapi.json' })).json();
      const violationOf = contractViolations(document);

      // Real things for requests to find: users who follow each other, tweets, a like, a hashtag.
      const ada = await s.signUp('fuzz_ada');
      const bea = await s.signUp('fuzz_bea');
      const post = async (token: string, body: string, extra: object = {}) =>
        (await s.request({ method: 'POST', url: '/api/v2/tweets', token, json: { body, ...extra } })).json()
          .id as string;
      const real = (id: string | undefined) => id ?? fail('could not make the fuzzing fixtures');
      const first = real(await post(ada.token, 'hello #fuzzing'));
      const reply = real(await post(bea.token, '@fuzz_ada hi', { in_reply_to_id: first }));
      await s.request({ method: 'POST', url: `/api/v1/users/${bea.id}/follow`, token: ada.token });
      await s.request({ method: 'POST', url: `/api/v2/tweets/${first}/like`, token: bea.token });
      const realValues = (template: string, name: string) =>
        name === 'tag' ? ['fuzzing'] : template.startsWith('/api/v1/users') ? [ada.id, bea.id] : [first, reply];
      // A token for the valid-token requests; logging out or deleting the account ends it, and
      // requests after that carry a dead token, which is one more case worth sending.
      const tokens = { valid: () => ada.token };

      const operations = operationsOf(document).sort(
        (a, b) => Number(ENDING.includes(a.operationId)) - Number(ENDING.includes(b.operationId)),
      );
      let sent = 0;
      const failures: string[] = [];
      for (const op of operations) {
        const property = fc.asyncProperty(requestsFor(op, document, realValues, tokens), async (request) => {
          sent++;
          const res = await send(s.platform.app, request, STREAMS.includes(op.operationId));
          const violation =
            res.statusCode >= 500 ? `${request.method} ${request.url} answered ${res.statusCode}` : undefined;
          return (violation ?? violationOf(request.method, request.url, res)) === undefined
            ? true
            : fail(violation ?? violationOf(request.method, request.url, res)!);
        });
        const result = await fc.check(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
        if (result.failed) {
          failures.push(
            `${op.operationId}: ${result.errorInstance instanceof Error ? result.errorInstance.message : 'failed'}\n` +
              `  request: ${JSON.stringify(result.counterexample?.[0])}\n  replay with FUZZ_SEED=${SEED}`,
          );
        }
      }
      console.log(
        `contract fuzzing on ${mode.name}: ${sent.toLocaleString('en')} requests, ${operations.length} operations, ` +
          `seed ${SEED}, ${failures.length} off-contract`,
      );
      expect(failures, failures.join('\n')).toEqual([]);
      expect(sent).toBeGreaterThanOrEqual(operations.length * RUNS);
    });
  },
  { timeout: 600_000 },
);

function fail(message: string): never {
  throw new Error(message);
}

interface Injectable {
  inject(options: object): Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>;
}

/** One request through inject(); a live event stream is read up to its headers and closed. */
async function send(app: Injectable, request: FuzzRequest, streams: boolean): Promise<CheckedResponse> {
  const options = { method: request.method, url: request.url, headers: request.headers, payload: request.payload };
  if (!streams) {
    const res = await app.inject(options);
    return { statusCode: res.statusCode, headers: res.headers, body: res.body };
  }
  const res = (await app.inject({ ...options, payloadAsStream: true })) as unknown as {
    statusCode: number;
    headers: Record<string, unknown>;
    stream(): NodeJS.ReadableStream & { destroy(): void };
  };
  const stream = res.stream();
  if (String(res.headers['content-type']).startsWith('text/event-stream')) {
    stream.destroy();
    return { statusCode: res.statusCode, headers: res.headers, body: '' };
  }
  let body = '';
  for await (const chunk of stream) body += String(chunk);
  return { statusCode: res.statusCode, headers: res.headers, body };
}
