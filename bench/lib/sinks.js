// Where Starling's mail and webhook calls go during a bench: an SMTP server and an HTTP
// receiver in the bench's own process, on 127.0.0.1, that accept everything at once and
// note when each arrived. Started before Starling (its SMTP_URL names the sink), kept for
// the whole run; the notifications scenario reads what they got.
import { createServer } from 'node:http';

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import { onCleanup } from './cleanup.js';

const now = () => performance.timeOrigin + performance.now();

/** An SMTP server taking every message (no TLS, no login: nodemailer on 127.0.0.1 needs neither). */
export async function startSmtpSink() {
  const received = []; // { at, to, raw }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Every mail is one connection (notify's transport): the default of 100 at once would refuse some.
    maxClients: 10_000,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          at: now(),
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(','),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise((resolve) => server.close(() => resolve())));
  const { port } = server.server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    /** The mails to `address` so far. */
    to: (address) => received.filter((m) => m.to === address.toLowerCase()),
    /** The text of a mail, parsed. */
    text: async (mail) => (await simpleParser(mail.raw)).text ?? '',
  };
}

/** An HTTP server answering 204 to every call at once, keeping each one's path, body and arrival. */
export async function startWebhookReceiver() {
  const received = []; // { at, path, body }
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ at: now(), path: req.url ?? '/', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  const { port } = server.address();
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    /** The calls to paths starting with `/<prefix>` so far. */
    at: (prefix) => received.filter((r) => r.path.startsWith(`/${prefix}`)),
  };
}
