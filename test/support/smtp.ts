import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the test SMTP server received it. */
export interface Received {
  to: string;
  messageId: string;
  parsed: ParsedMail;
  raw: string;
}

/** A header of a received mail as it was written (unfolded), or undefined. */
export function headerOf(mail: Received, name: string): string | undefined {
  const line = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n\s+/g, ' ')
    .trim();
}

/** What the server answers to a message's DATA: accept (undefined) or an SMTP error code and text. */
export type Answer = (to: string, attempt: number) => { code: number; message: string } | undefined;

/**
 * A real SMTP server on 127.0.0.1 for the mail tests: it keeps what it accepts and
 * answers as `answer` says, counting each recipient's attempts. `hold()` keeps the
 * answers to DATA back until `release()`; a held message counts as received only if its
 * 250 then goes out on a connection still open, as with a real server: a sender that
 * died waiting never learnt the mail was taken, and sends it again.
 */
export async function startSmtpServer(
  answer: Answer = () => undefined,
  wanted: (mail: ParsedMail) => boolean = () => true,
) {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const closed = new Set<string>();
  let holding = false;
  const held: Array<{ session: string; accept: () => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            // Mail the suite does not look at is taken without a word, and counts no attempt.
            if (!wanted(parsed)) return callback();
            const attempt = (attempts.get(to) ?? 0) + 1;
            attempts.set(to, attempt);
            const refusal = answer(to, attempt);
            if (refusal) {
              const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
              return callback(err);
            }
            const accept = () => {
              received.push({ to, messageId: parsed.messageId ?? '', parsed, raw });
              callback();
            };
            if (holding) held.push({ session: session.id, accept });
            else accept();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts,
    /** The mail to `to`, waiting up to `timeoutMs` for `count` of them. */
    async waitFor(to: string, count = 1, timeoutMs = 15_000): Promise<Received[]> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mine = received.filter((m) => m.to === to);
        if (mine.length >= count) return mine;
        if (Date.now() > deadline) throw new Error(`${mine.length} of ${count} mail(s) to ${to} arrived`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** Keeps the answers to DATA back from now on. */
    hold() {
      holding = true;
    },
    /** How many messages wait for their answer. */
    waiting: () => held.length,
    /** Answers every held message whose connection is still open, and no longer holds. */
    release() {
      holding = false;
      for (const { session, accept } of held.splice(0)) if (!closed.has(session)) accept();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
