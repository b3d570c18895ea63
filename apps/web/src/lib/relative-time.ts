const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const ago = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'} ago`;

/**
 * How long ago `then` was, as people say it: "just now", "5 minutes ago", "2 hours ago",
 * "3 days ago"; from a week on, the date itself (with the year only when it is not this year).
 */
export function relativeTime(then: Date, now: Date, locale?: string): string {
  const elapsed = now.getTime() - then.getTime();
  // Clocks disagree by a few seconds, so a timestamp slightly in the future is "just now" too.
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return ago(Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return ago(Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < WEEK) return ago(Math.floor(elapsed / DAY), 'day');
  const sameYear = then.getFullYear() === now.getFullYear();
  return then.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** The exact moment, for the tooltip that accompanies a relative time. */
export function fullDateTime(then: Date, locale?: string): string {
  return then.toLocaleString(locale, { dateStyle: 'full', timeStyle: 'short' });
}
