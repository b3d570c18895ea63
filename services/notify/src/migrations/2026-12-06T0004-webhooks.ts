import type { Db } from '@starling/kit';

/** The webhooks tables (webhooks/tables.ts). */
export async function up(_db: Db): Promise<void> {}

export async function down(_db: Db): Promise<void> {}
