import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useAppStore } from '../store.js';

/**
 * A one-off notice, shown on the page it was raised for and dismissed once the person
 * moves on from there. (The page is named explicitly because a navigation may render
 * after the notice was raised.)
 */
export function FlashMessage() {
  const flash = useAppStore((state) => state.flash);
  const clearFlash = useAppStore((state) => state.clearFlash);
  const { pathname } = useLocation();
  const here = flash?.pathname === pathname;
  const shown = useRef(false);

  useEffect(() => {
    if (!flash) shown.current = false;
    else if (here) shown.current = true;
    else if (shown.current) clearFlash();
  }, [flash, here, clearFlash]);

  if (!flash || !here) return null;
  return (
    <div className="flash" role="status">
      <p>{flash.message}</p>
      <button type="button" className="button button-quiet" onClick={clearFlash}>
        Dismiss
      </button>
    </div>
  );
}
