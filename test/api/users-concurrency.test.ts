import { expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

const ROUNDS = 5;

inEachStorageMode('concurrent user updates', (mode) => {
  const s = useStarling(mode);

  const put = (id: string, token: string, etag: string, json: Record<string, unknown>) =>
    s.request({ method: 'PUT', url: `/api/v1/users/${id}`, token, headers: { 'if-match': etag }, json });

  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: two PUTs with one If-Match → exactly one 200 and one 412`, async () => {
      const u = await s.signUp(`racer_${round}`);
      const before = await s.request({ url: `/api/v1/users/${u.id}`, token: u.token });
      const etag = before.headers.etag as string;

      const changes = [
        { name: `Left ${round}`, email: `left_${round}@example.com` },
        { name: `Right ${round}`, email: `right_${round}@example.com` },
      ];
      const results = await Promise.all(changes.map((change) => put(u.id, u.token, etag, change)));

      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses, results.map((r) => r.body).join('\n')).toEqual([200, 412]);
      const winner = results.findIndex((r) => r.statusCode === 200);
      expectProblem(results[1 - winner]!, 412);
      expect(results[winner]!.json()).toMatchObject(changes[winner]!);

      const after = await s.request({ url: `/api/v1/users/${u.id}`, token: u.token });
      expect(after.json()).toMatchObject({ ...changes[winner], username: `racer_${round}` });
      expect(after.headers.etag).toBe(results[winner]!.headers.etag);
      expect(after.headers.etag).not.toBe(etag);

      // The loser's email was not claimed; the winner's is.
      const loserEmail = changes[1 - winner]!.email;
      const winnerEmail = changes[winner]!.email;
      const signUp = (username: string, email: string) =>
        s.request({
          method: 'POST',
          url: '/api/v1/users',
          json: { username, email, password: 'correct horse battery' },
        });
      expect((await signUp(`loser_mail_${round}`, loserEmail)).statusCode).toBe(201);
      expectProblem(await signUp(`winner_mail_${round}`, winnerEmail), 409);
    });
  }

  it('signs up only one of two accounts racing for one username or email', async () => {
    const signUp = (username: string, email: string) =>
      s.request({ method: 'POST', url: '/api/v1/users', json: { username, email, password: 'correct horse battery' } });
    const byName = await Promise.all([signUp('Twin', 'twin_a@example.com'), signUp('twin', 'twin_b@example.com')]);
    expect(byName.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const byEmail = await Promise.all([
      signUp('mail_twin_a', 'twin@example.com'),
      signUp('mail_twin_b', 'TWIN@example.com'),
    ]);
    expect(byEmail.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    for (const r of [...byName, ...byEmail]) if (r.statusCode === 409) expectProblem(r, 409);

    const users = (await s.request({ url: '/api/v1/users?limit=100' })).json().user_list as Array<{ username: string }>;
    expect(users.filter((u) => u.username.toLowerCase() === 'twin')).toHaveLength(1);
    expect(users.filter((u) => u.username.startsWith('mail_twin_'))).toHaveLength(1);
  });

  it('lets the loser retry with the new ETag', async () => {
    const u = await s.signUp('retrier');
    const etag = (await s.request({ url: `/api/v1/users/${u.id}` })).headers.etag as string;
    const [a, b] = await Promise.all([
      put(u.id, u.token, etag, { name: 'A' }),
      put(u.id, u.token, etag, { name: 'B' }),
    ]);
    const loser = a!.statusCode === 412 ? 'A' : 'B';
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 412]);
    const fresh = (await s.request({ url: `/api/v1/users/${u.id}` })).headers.etag as string;
    const retry = await put(u.id, u.token, fresh, { name: loser });
    expect(retry.statusCode, retry.body).toBe(200);
    expect((await s.request({ url: `/api/v1/users/${u.id}` })).json().name).toBe(loser);
  });
});
