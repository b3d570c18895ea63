import type { MouseEvent } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useAppStore } from '../store.js';
import { DeleteTweetDialog } from './delete-tweet-dialog.js';
import { ErrorBoundary } from './error-boundary.js';
import { FlashMessage } from './flash-message.js';
import { SiteHeader } from './site-header.js';

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  // The router owns the URL, so move focus instead of navigating to #main.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function Layout() {
  const dialogOpen = useAppStore((state) => state.pendingDelete !== null || state.viewerOpen);
  const { pathname } = useLocation();
  return (
    <>
      {/* While a dialog is open the page behind it can be neither reached nor read. */}
      <div className="page" inert={dialogOpen} aria-hidden={dialogOpen || undefined}>
        <a className="skip-link" href="#main" onClick={skipToMain}>
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="container" tabIndex={-1}>
          <FlashMessage />
          {/* Keyed by page, so leaving a page that failed gives the next one a fresh start. */}
          <ErrorBoundary key={pathname}>
            <Outlet />
          </ErrorBoundary>
        </main>
      </div>
      <DeleteTweetDialog />
    </>
  );
}
