import { useEffect } from 'react';

/** Names the page in the tab and for screen readers announcing the navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Starling` : 'Starling';
  }, [title]);
}
