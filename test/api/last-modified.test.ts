import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

/** HTTP dates name whole seconds: a change is only visible to If-Modified-Since a second later. */
const nextSecond = () => sleep(1100);
const hourBefore = (httpDate: string) => new Date(Date.parse(httpDate) - 3600_000).toUTCString();

inEachStorageMode('Last-Modified on single resources', (mode) => {
  const s = useStarling(mode);

  it('a user carries Last-Modified; If-Modified-Since answers 304 until something shown changes', async () => {
    const ada = await s.signUp('lm_ada');
    const bea = await s.signUp('lm_bea');
    const first = await s.request({ url: `/api/v1/users/${ada.id}` });
    const lastModified = String(first.headers['last-modified']);
    expect(Date.parse(lastModified)).toBeLessThanOrEqual(Date.now());
    expect(first.headers.etag).toBeDefined();
    const since = (date: string) =>
      s.request({ url: `/api/v1/users/${ada.id}`, headers: { 'if-modified-since': date } });
    expect((await since(lastModified)).statusCode).toBe(304);
    expect((await since(hourBefore(lastModified))).statusCode).toBe(200);
    expect((await since('not a date')).statusCode).toBe(200);
    // If-None-Match, when sent, decides alone.
    const both = await s.request({
      url: `/api/v1/users/${ada.id}`,
      headers: { 'if-modified-since': lastModified, 'if-none-match': '"999"' },
    });
    expect(both.statusCode).toBe(200);

    await nextSecond();
    await s.request({ method: 'POST', url: `/api/v1/users/${ada.id}/follow`, token: bea.token });
    const followed = await since(lastModified);
    expect(followed.statusCode).toBe(200);
    expect(followed.json().followers_count).toBe(1);
    expect(Date.parse(String(followed.headers['last-modified']))).toBeGreaterThan(Date.parse(lastModified));
    const lookedUp = await s.request({ url: '/api/v1/users/lookup?username=lm_ada' });
    expect(lookedUp.headers['last-modified']).toBe(followed.headers['last-modified']);
  });

  it('If-Unmodified-Since before the last change refuses a change with 412 and changes nothing', async () => {
    const cy = await s.signUp('lm_cy');
    const read = await s.request({ url: `/api/v1/users/${cy.id}` });
    const lastModified = String(read.headers['last-modified']);
    const put = (date: string, name: string) =>
      s.request({
        method: 'PUT',
        url: `/api/v1/users/${cy.id}`,
        token: cy.token,
        headers: { 'if-unmodified-since': date },
        json: { name },
      });
    expectProblem(await put(hourBefore(lastModified), 'Stale'), 412);
    expect((await s.request({ url: `/api/v1/users/${cy.id}` })).json().name).toBe('lm_cy');
    const fresh = await put(lastModified, 'Fresh');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().name).toBe('Fresh');
    const gone = await s.request({
      method: 'DELETE',
      url: `/api/v1/users/${cy.id}`,
      token: cy.token,
      headers: { 'if-unmodified-since': hourBefore(lastModified) },
    });
    expectProblem(gone, 412);
  });

  it('a tweet’s Last-Modified moves with its counts and its author’s name; a stale delete is refused', async () => {
    const di = await s.signUp('lm_di');
    const ed = await s.signUp('lm_ed');
    const id = (
      await s.request({ method: 'POST', url: '/api/v2/tweets', token: di.token, json: { body: 'dated' } })
    ).json().id as string;
    const read = await s.request({ url: `/api/v2/tweets/${id}` });
    const posted = String(read.headers['last-modified']);
    const since = (date: string) => s.request({ url: `/api/v2/tweets/${id}`, headers: { 'if-modified-since': date } });
    expect((await since(posted)).statusCode).toBe(304);

    await nextSecond();
    await s.request({ method: 'POST', url: `/api/v2/tweets/${id}/like`, token: ed.token });
    const liked = await since(posted);
    expect(liked.statusCode).toBe(200);
    expect(liked.json().like_count).toBe(1);
    const likedAt = String(liked.headers['last-modified']);
    expect((await since(likedAt)).statusCode).toBe(304);

    await nextSecond();
    await s.request({ method: 'PUT', url: `/api/v1/users/${di.id}`, token: di.token, json: { name: 'Di Renamed' } });
    const renamed = await since(likedAt);
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().author_name).toBe('Di Renamed');

    const stale = await s.request({
      method: 'DELETE',
      url: `/api/v2/tweets/${id}`,
      token: di.token,
      headers: { 'if-unmodified-since': posted },
    });
    expectProblem(stale, 412);
    expect((await s.request({ url: `/api/v2/tweets/${id}` })).statusCode).toBe(200);
  });
});
