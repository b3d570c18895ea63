import { describe, expect, it } from 'vitest';
import { fullDateTime, relativeTime } from '../src/lib/relative-time.js';

const now = new Date('2025-06-15T12:00:00Z');
const before = (ms: number) => new Date(now.getTime() - ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('relativeTime', () => {
  it('says "just now" for the first minute, and for clocks slightly ahead', () => {
    expect(relativeTime(before(0), now)).toBe('just now');
    expect(relativeTime(before(59 * SECOND), now)).toBe('just now');
    expect(relativeTime(before(-5 * SECOND), now)).toBe('just now');
  });

  it('counts whole minutes, then hours, then days', () => {
    expect(relativeTime(before(MINUTE), now)).toBe('1 minute ago');
    expect(relativeTime(before(5 * MINUTE + 30 * SECOND), now)).toBe('5 minutes ago');
    expect(relativeTime(before(59 * MINUTE), now)).toBe('59 minutes ago');
    expect(relativeTime(before(HOUR), now)).toBe('1 hour ago');
    expect(relativeTime(before(2 * HOUR + 59 * MINUTE), now)).toBe('2 hours ago');
    expect(relativeTime(before(DAY), now)).toBe('1 day ago');
    expect(relativeTime(before(3 * DAY), now)).toBe('3 days ago');
    expect(relativeTime(before(6 * DAY + 23 * HOUR), now)).toBe('6 days ago');
  });

  it('gives the date from a week on, with the year only when it differs', () => {
    expect(relativeTime(new Date('2025-06-01T12:00:00Z'), now, 'en-US')).toBe('Jun 1');
    expect(relativeTime(new Date('2024-12-25T12:00:00Z'), now, 'en-US')).toBe('Dec 25, 2024');
  });
});

describe('fullDateTime', () => {
  it('spells out the day, date and time', () => {
    const text = fullDateTime(new Date(2025, 5, 15, 9, 30), 'en-US');
    expect(text).toContain('Sunday, June 15, 2025');
    expect(text).toContain('9:30');
  });
});
