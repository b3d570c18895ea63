// Creates an embedded database cluster (PGlite's initdb) and exits: run in a worker
// thread by src/db/storage.ts, so the memory initdb leaves behind goes with the thread.
import { workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create(workerData.location);
await db.close();
