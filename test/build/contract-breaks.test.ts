import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadOpenApi } from '@starling/kit';
import { describe, expect, it } from 'vitest';
import { breakingChanges } from '../support/contract-breaks.js';
import { ROOT } from '../support/process.js';

const released = join(ROOT, 'contracts/released');
const intended = JSON.parse(readFileSync(join(ROOT, 'contracts/intended-breaks.json'), 'utf8')) as Record<
  string,
  string[]
>;
const services = readdirSync(released).map((file) => file.replace(/\.json$/, ''));
const releasedContract = (service: string) => JSON.parse(readFileSync(join(released, `${service}.json`), 'utf8'));
/** As the platform loads it: the shared components it imports bundled in. */
const currentContract = (service: string) => loadOpenApi(join(ROOT, 'services', service, 'openapi.yaml'));

describe('the contracts compared with the released ones', () => {
  it('has a released contract for every service', () => {
    expect(services.sort()).toEqual(['graph', 'identity', 'timeline', 'tweets']);
  });

  for (const service of services) {
    it(`${service}: no breaking change beyond those recorded as intended`, () => {
      const unintended = breakingChanges(releasedContract(service), currentContract(service)).filter(
        (line) => !(intended[service] ?? []).includes(line),
      );
      expect(unintended, `record a deliberate break in contracts/intended-breaks.json`).toEqual([]);
    });
  }
});

describe('the breaking-change check', () => {
  const tweets = () => currentContract('tweets');

  it('passes a contract compared with itself, and one that only adds', () => {
    expect(breakingChanges(tweets(), tweets())).toEqual([]);
    const added = tweets();
    added.components.schemas.Tweet.properties.extra = { type: 'string' };
    added.components.schemas.NewTweet.properties.extra = { type: 'string' };
    added.paths['/api/v2/extra'] = { get: { operationId: 'extra', responses: { '200': { description: 'ok' } } } };
    expect(breakingChanges(tweets(), added)).toEqual([]);
  });

  it('fails on a removed response field', () => {
    const removed = tweets();
    delete removed.components.schemas.Tweet.properties.like_count;
    removed.components.schemas.Tweet.required = removed.components.schemas.Tweet.required.filter(
      (f: string) => f !== 'like_count',
    );
    const breaks = breakingChanges(tweets(), removed);
    expect(breaks).toContain('GET /api/v2/tweets/{id} 200: field like_count is no longer always present');
    expect(breaks).toContain('GET /api/v2/tweets/{id} 200: field like_count was removed');
  });

  it('fails on a removed operation or success status', () => {
    const fewer = tweets();
    delete fewer.paths['/api/v2/tweets/{id}/like'].delete;
    delete fewer.paths['/api/v2/tweets/{id}'].get.responses['200'];
    const breaks = breakingChanges(tweets(), fewer);
    expect(breaks).toContain('DELETE /api/v2/tweets/{id}/like: the operation was removed');
    expect(breaks).toContain('GET /api/v2/tweets/{id}: response 200 was removed');
  });

  it('fails on a new required request field or parameter, and on a narrower or tighter request type', () => {
    const stricter = tweets();
    stricter.components.schemas.NewTweet.properties.lang = { type: 'string' };
    (stricter.components.schemas.NewTweet.required ??= []).push('lang');
    stricter.components.schemas.NewTweet.properties.in_reply_to_id.maxLength = 10;
    stricter.components.schemas.NewTweet.properties.body.type = 'integer';
    stricter.paths['/api/v2/tweets'].get.parameters.push({ name: 'q', in: 'query', required: true });
    const breaks = breakingChanges(tweets(), stricter);
    expect(breaks).toContain('POST /api/v2/tweets request body: field lang is now required');
    expect(breaks).toContain('POST /api/v2/tweets request body.in_reply_to_id: maxLength is now 10 (was 64)');
    expect(breaks).toContain('POST /api/v2/tweets request body.body: no longer accepts string');
    expect(breaks).toContain('GET /api/v2/tweets: parameter q (query) is now required');
  });

  it('fails on a response field whose type changed', () => {
    const changed = tweets();
    changed.components.schemas.Tweet.properties.like_count = { type: 'string' };
    expect(breakingChanges(tweets(), changed)).toContain('GET /api/v2/tweets/{id} 200.like_count: may now be string');
  });
});
