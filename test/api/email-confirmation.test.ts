import { expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { freshSealKey, identityEvents, latestToken, mailRequests, tokenOf } from '../support/mail-requests.js';
import { inEachStorageMode, PASSWORD, useStarling } from '../support/starling.js';

inEachStorageMode('email confirmation', (mode) => {
  const s = useStarling(mode, { MAIL_SEAL_KEY: freshSealKey() });

  const confirm = (token: string) =>
    s.request({ method: 'POST', url: '/api/v1/auth/email_confirmation/confirm', json: { token } });
  const resend = (token?: string) =>
    s.request({ method: 'POST', url: '/api/v1/auth/email_confirmation', ...(token ? { token } : {}) });
  const me = async (token: string) => {
    const res = await s.request({ url: '/api/v1/auth/me', token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { email: string; email_verified: boolean };
  };
  const changeEmail = (user: { id: string; token: string }, email: string) =>
    s.request({ method: 'PUT', url: `/api/v1/users/${user.id}`, token: user.token, json: { email } });

  it('sign-up mails a link to the address; following it, without signing in, confirms it', async () => {
    const created = await s.request({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'ec_ada', name: 'Ada', email: 'ec_ada@example.com', password: PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'ec_ada@example.com', email_verified: false });
    const id = created.json().id as string;
    const login = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      json: { username: 'ec_ada', password: PASSWORD },
    });
    const token = login.json().access_token as string;
    expect(await me(token)).toMatchObject({ email_verified: false });

    const [mail, ...more] = await mailRequests(s, 'confirm-email', id);
    expect(more).toEqual([]);
    expect(mail).toEqual({
      mail_id: expect.any(String),
      template: 'confirm-email',
      to_user_id: id,
      to_email: 'ec_ada@example.com',
      data: { username: 'ec_ada', name: 'Ada' },
      sealed: expect.any(String),
    });
    const link = tokenOf(s, mail!);
    expect(link).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const done = await confirm(link);
    expect(done.statusCode, done.body).toBe(204);
    expect(await me(token)).toMatchObject({ email: 'ec_ada@example.com', email_verified: true });
    const verified = (await identityEvents(s)).filter((e) => e.type === 'EmailVerified');
    expect(verified.map((e) => e.data)).toContainEqual({ user_id: id, email: 'ec_ada@example.com' });

    expectProblem(await confirm(link), 400, ['token']);
    // Others never see the address, nor whether it is confirmed.
    const seen = await s.request({ url: `/api/v1/users/${id}` });
    expect(seen.json()).not.toHaveProperty('email');
    expect(seen.json()).not.toHaveProperty('email_verified');
  });

  it('mails a fresh link on request; a confirmed address is a 409; a stranger a 401', async () => {
    const bo = await s.signUp('ec_bo');
    const asked = await resend(bo.token);
    expect(asked.statusCode, asked.body).toBe(202);
    const links = (await mailRequests(s, 'confirm-email', bo.id)).map((m) => tokenOf(s, m));
    expect(links).toHaveLength(2);
    expect(links[0]).not.toBe(links[1]);
    expect((await confirm(links[1]!)).statusCode).toBe(204);
    expect(await me(bo.token)).toMatchObject({ email_verified: true });
    // Once confirmed, the other link has nothing left to do.
    expectProblem(await confirm(links[0]!), 400, ['token']);
    expectProblem(await resend(bo.token), 409);
    expectProblem(await resend(), 401);
  });

  it('mails an account a few links per window, then answers 429 with Retry-After', async () => {
    const cy = await s.signUp('ec_cy');
    for (let i = 0; i < 3; i++) expect((await resend(cy.token)).statusCode).toBe(202);
    const refused = await resend(cy.token);
    expectProblem(refused, 429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await mailRequests(s, 'confirm-email', cy.id)).toHaveLength(4);
  });

  it('a new address is unconfirmed and mailed its own link; one mailed to the old address confirms nothing', async () => {
    const di = await s.signUp('ec_di');
    const toOld = await latestToken(s, 'confirm-email', di.id);
    const changed = await changeEmail(di, 'ec_di_new@example.com');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ email: 'ec_di_new@example.com', email_verified: false });

    expectProblem(await confirm(toOld), 400, ['token']);
    expect(await me(di.token)).toMatchObject({ email: 'ec_di_new@example.com', email_verified: false });

    const mail = (await mailRequests(s, 'confirm-email', di.id)).at(-1)!;
    expect(mail.to_email).toBe('ec_di_new@example.com');
    expect((await confirm(tokenOf(s, mail))).statusCode).toBe(204);
    expect(await me(di.token)).toMatchObject({ email: 'ec_di_new@example.com', email_verified: true });

    // Changing again unconfirms again.
    expect((await changeEmail(di, 'ec_di_third@example.com')).json()).toMatchObject({ email_verified: false });
  });

  it('the same address spelled in another case stays confirmed', async () => {
    const eve = await s.signUp('ec_eve');
    expect((await confirm(await latestToken(s, 'confirm-email', eve.id))).statusCode).toBe(204);
    const mails = (await mailRequests(s)).length;
    const changed = await changeEmail(eve, 'EC_Eve@Example.com');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ email: 'EC_Eve@Example.com', email_verified: true });
    expect(await me(eve.token)).toMatchObject({ email: 'EC_Eve@Example.com', email_verified: true });
    expect(await mailRequests(s)).toHaveLength(mails);
  });

  it('refuses an unknown or missing token, naming `token`, and changes nothing', async () => {
    const fay = await s.signUp('ec_fay');
    expectProblem(await confirm('A'.repeat(43)), 400, ['token']);
    expectProblem(await confirm(''), 400, ['token']);
    expectProblem(await s.request({ method: 'POST', url: '/api/v1/auth/email_confirmation/confirm', json: {} }), 400, [
      'token',
    ]);
    expect(await me(fay.token)).toMatchObject({ email_verified: false });
  });

  it('keeps every token out of the log and the responses', async () => {
    const gus = await s.signUp('ec_gus');
    const bodies = [(await resend(gus.token)).body];
    const link = await latestToken(s, 'confirm-email', gus.id);
    bodies.push((await confirm(link)).body, (await confirm(link)).body);
    bodies.push(JSON.stringify((await s.request({ url: '/api/v1/auth/me', token: gus.token })).json()));
    const tokens = (await mailRequests(s)).map((m) => tokenOf(s, m));
    expect(tokens.length).toBeGreaterThan(5);
    const log = JSON.stringify(await identityEvents(s));
    for (const t of tokens) {
      expect(log).not.toContain(t);
      for (const body of bodies) expect(body).not.toContain(t);
    }
  });
});

inEachStorageMode('email confirmation links that expire', (mode) => {
  const s = useStarling(mode, { MAIL_SEAL_KEY: freshSealKey(), EMAIL_CONFIRMATION_TTL: '1' });

  it('refuses a link followed after EMAIL_CONFIRMATION_TTL, naming `token`', async () => {
    const hal = await s.signUp('ec_hal');
    const link = await latestToken(s, 'confirm-email', hal.id);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expectProblem(
      await s.request({ method: 'POST', url: '/api/v1/auth/email_confirmation/confirm', json: { token: link } }),
      400,
      ['token'],
    );
    const shown = await s.request({ url: '/api/v1/auth/me', token: hal.token });
    expect(shown.json()).toMatchObject({ email_verified: false });
  });
});
