import type { Db, ObjectStore, ServiceContext } from '@starling/kit';
import type { MediaSettings } from '../settings.js';

/** What the media commands use: the service's database and write path, its object store and its settings. */
export interface MediaDeps {
  db: Db;
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>;
  objects: ObjectStore;
  settings: MediaSettings;
}

export const depsOf = (ctx: ServiceContext, settings: MediaSettings): MediaDeps => ({
  db: ctx.db,
  write: ctx.write,
  objects: ctx.objects,
  settings,
});
