import { randomBytes } from 'node:crypto';
import { appendToStream, type Db } from '@starling/kit';
import { AppRegistered, newEvent } from '@starling/events';
import { appStream } from '../domain/apps.js';
import { tokenHash } from './mailed-tokens.js';

type Write = <T>(fn: (trx: Db) => Promise<T>) => Promise<T>;

export interface NewApp {
  name: string;
  website: string | null;
  redirectUris: string[];
  scopes: string[];
}

export interface RegisteredApp {
  clientId: string;
  /** Shown once, to the app that registered: only its hash is kept. */
  clientSecret: string;
}

/** Registers a third-party app: anyone may, as on Mastodon; what it may do is up to each user. */
export async function registerApp(deps: { write: Write }, app: NewApp, requestId: string): Promise<RegisteredApp> {
  const clientId = randomBytes(24).toString('base64url');
  const clientSecret = randomBytes(32).toString('base64url');
  await deps.write((trx) =>
    appendToStream(trx, appStream(clientId), 0, [
      {
        ...newEvent(AppRegistered, {
          client_id: clientId,
          name: app.name,
          website: app.website,
          redirect_uris: app.redirectUris,
          scopes: app.scopes,
          client_secret_hash: tokenHash(clientSecret),
        }),
        metadata: { request_id: requestId },
      },
    ]),
  );
  return { clientId, clientSecret };
}
