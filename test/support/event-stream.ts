import { expect } from 'vitest';

export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/** An open `text/event-stream`, read with fetch: its events and comments as they come. */
export async function openEventStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let ended = false;
  const reading = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('data: ')) event.data += line.slice(6);
          }
          if (event.data !== '') events.push(event);
        }
      }
    } catch {
      // aborted by the test
    }
    ended = true;
  })();
  return {
    res,
    events,
    comments,
    get ended() {
      return ended;
    },
    reading,
    /** Waits until `count` events have arrived (or fails after `ms`). */
    async waitFor(count: number, ms = 5000) {
      const deadline = Date.now() + ms;
      while (events.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(events.length, JSON.stringify(events)).toBeGreaterThanOrEqual(count);
      return events;
    },
    close: () => controller.abort(),
  };
}
