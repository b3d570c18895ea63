/**
 * One interval timer per period for the whole process, however many long-lived answers
 * (event streams, WebSockets) need one: ten thousand open streams are one timer callback
 * per period that walks them, not ten thousand timers. The timer runs only while someone
 * is registered and never keeps the process alive.
 */
const timers = new Map<number, { callbacks: Set<() => void>; timer: NodeJS.Timeout }>();

/** Calls `callback` every `ms` milliseconds until the returned function is called. */
export function everyShared(ms: number, callback: () => void): () => void {
  let entry = timers.get(ms);
  if (!entry) {
    const callbacks = new Set<() => void>();
    const timer = setInterval(() => {
      for (const cb of callbacks) cb();
    }, ms);
    timer.unref();
    entry = { callbacks, timer };
    timers.set(ms, entry);
  }
  const { callbacks } = entry;
  // A function of its own, so the same callback registered twice is two registrations.
  const registered = () => callback();
  callbacks.add(registered);
  return () => {
    callbacks.delete(registered);
    const current = timers.get(ms);
    if (current && current.callbacks.size === 0) {
      clearInterval(current.timer);
      timers.delete(ms);
    }
  };
}
