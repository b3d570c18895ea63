/**
 * Added `modified_at` to the `authors` table, which now comes with its projection from
 * @starling/authors (its migration adds the column where it is missing). Kept, empty,
 * because databases record it as applied, and a migration they applied must stay listed.
 */
export async function up(): Promise<void> {}

export async function down(): Promise<void> {}
