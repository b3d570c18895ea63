import { useEffect } from 'react';
import { useAppStore } from '../store.js';

/** Advances the app's notion of "now" every minute, and at once when the tab is shown again. */
export function MinuteClock() {
  const tick = useAppStore((state) => state.tick);
  useEffect(() => {
    const update = () => tick(Date.now());
    const timer = setInterval(update, 60_000);
    // Background tabs throttle timers, so catch up as soon as the person looks again.
    const onVisible = () => {
      if (document.visibilityState === 'visible') update();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [tick]);
  return null;
}
