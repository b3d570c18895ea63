/**
 * The authors read model: the names a service shows beside tweets, kept from identity's
 * events. A service that shows them lists the projection among its consumers and the
 * migrations among its own; the table is declared here only.
 */
export { authorsMigrations } from './migration.js';
export { authorsProjection } from './projection.js';
export type { AuthorsTable } from './table.js';
