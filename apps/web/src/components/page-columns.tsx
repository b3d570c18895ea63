import type { ReactNode } from 'react';

/**
 * The page's content with a side panel beside it on a wide screen; on a narrow one the
 * panel follows the content.
 */
export function PageColumns({ children, aside }: { children: ReactNode; aside: ReactNode }) {
  return (
    <div className="columns">
      <div className="columns-main">{children}</div>
      <aside className="columns-aside" aria-label="Suggestions">
        {aside}
      </aside>
    </div>
  );
}
