import type { Db } from '@starling/kit';

/** The mail tables (mail/tables.ts). */
export async function up(_db: Db): Promise<void> {}

export async function down(_db: Db): Promise<void> {}
