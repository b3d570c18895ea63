import { expect } from 'vitest';
import WebSocket from 'ws';

/** A message of Mastodon's streaming API: an event, or the answer to a bad command. */
export interface StreamMessage {
  stream?: string[];
  event?: string;
  payload?: string;
  error?: string;
  status?: number;
}

/**
 * An open WebSocket to Mastodon's streaming API, with its messages as they come.
 * `settled()` sends a command the server refuses and waits for the refusal: commands
 * are handled in order, so every one sent before is then in effect.
 */
export async function openStreamingSocket(url: string, options: { protocol?: string } = {}) {
  const socket = new WebSocket(url, options.protocol ? [options.protocol] : []);
  const messages: StreamMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as StreamMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let refusals = 0;
  const waitUntil = async (test: () => boolean, what: string, ms = 8000) => {
    const deadline = Date.now() + ms;
    while (!test() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(test(), `${what}: ${JSON.stringify(messages)}`).toBe(true);
  };
  const events = () => messages.filter((m) => m.event);
  return {
    socket,
    messages,
    events,
    send: (message: object) => socket.send(JSON.stringify(message)),
    async settled() {
      const wanted = ++refusals;
      socket.send(JSON.stringify({ type: 'subscribe', stream: 'no-such-stream' }));
      await waitUntil(() => messages.filter((m) => m.error).length >= wanted, 'the refusal');
    },
    /** Waits for an event that `match` accepts, and returns it. */
    async next(match: (m: StreamMessage) => boolean): Promise<StreamMessage> {
      await waitUntil(() => events().some(match), 'an awaited event');
      return events().find(match)!;
    },
    closed: () => new Promise<number>((resolve) => socket.once('close', (code) => resolve(code))),
    close: () => socket.close(),
  };
}

/** The HTTP status a refused upgrade answered with. */
export function refusedUpgrade(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => reject(new Error('the upgrade was accepted')));
    socket.once('error', () => {});
  });
}
