import type { Handler } from './deps.js';

/** The book's /api/v1/info: each API release with its date, root link and methods. */
const RELEASES = [
  { version: 'v1', buildtime: '2026-11-22 00:00:00', links: '/api/v1/users', methods: 'get, post, put, delete' },
  { version: 'v1', buildtime: '2026-11-22 00:00:00', links: '/api/v1/auth', methods: 'get, post' },
  { version: 'v2', buildtime: '2026-11-22 00:00:00', links: '/api/v2/tweets', methods: 'get, post, delete' },
];

export const getInfo: Handler<'getInfo'> = () => async () => ({ api_version: RELEASES });
