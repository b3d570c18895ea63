import type { Db, ObjectStore } from '@starling/kit';
import type { MediaSettings } from '../settings.js';

/** What the media commands use: the service's write path, its object store and its settings. */
export interface MediaDeps {
  db: Db;
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>;
  objects: ObjectStore;
  settings: MediaSettings;
}
