/**
 * Every row of a keyset-paged query, a page at a time, so that a table of any size is
 * read in bounded memory (`starling export`). `page(after)` answers the rows after
 * `after`, the last row of the page before (undefined: from the start), in key order;
 * an empty page ends it.
 */
export async function* keysetPages<T>(page: (after: T | undefined) => Promise<T[]>): AsyncGenerator<T[]> {
  for (let after: T | undefined; ;) {
    const rows = await page(after);
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1);
  }
}
