/**
 * The media attachments read model: pictures as tweets show them, kept from the media
 * service's events. A service that shows tweets lists the projection among its
 * consumers and the migration among its own, keeps each tweet's `media_ids`, and shows
 * tweets `withAttachments`; the table is declared here only.
 */
export { attachmentsMigrations } from './migration.js';
export { attachmentsProjection } from './projection.js';
export { withAttachments } from './shown.js';
export type { MediaAttachmentsTable } from './table.js';
