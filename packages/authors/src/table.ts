import type { Generated } from 'kysely';

/** Authors' display names, from identity's events: the table authorsMigrations creates. */
export interface AuthorsTable {
  id: string;
  username: string;
  name: string;
  version: number;
  modified_at: Generated<Date>;
}
