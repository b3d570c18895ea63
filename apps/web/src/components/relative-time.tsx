import { fullDateTime, relativeTime } from '../lib/relative-time.js';
import { useAppStore } from '../store.js';

/** "5 minutes ago", kept current by the app's minute clock, with the exact time on hover. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useAppStore((state) => state.now);
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={fullDateTime(date)}>
      {relativeTime(date, new Date(now))}
    </time>
  );
}
