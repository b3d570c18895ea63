// The ceiling for bench/run.js: a plain node:http server that answers every
// request with a fixed JSON body of a given size and does nothing else.
//
// Usage: node bench/bare-server.js <port> <bodyBytes>
//   (or PORT / BODY_BYTES in the environment)
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? process.env.PORT);
const size = Number(process.argv[3] ?? process.env.BODY_BYTES ?? 2);
const host = process.env.HOST ?? '127.0.0.1';

if (!Number.isInteger(port) || port <= 0 || !Number.isInteger(size) || size < 2) {
  console.error('usage: node bench/bare-server.js <port> <bodyBytes >= 2>');
  process.exit(2);
}

/** Valid JSON of exactly `bytes` bytes, so the comparison is byte-for-byte fair. */
function jsonOfSize(bytes) {
  const envelope = '{"pad":""}';
  if (bytes >= envelope.length) return `{"pad":"${'x'.repeat(bytes - envelope.length)}"}`;
  return '{}' + ' '.repeat(bytes - 2); // trailing whitespace is valid JSON
}

// Built once: the ceiling must not include per-request serialisation.
const body = Buffer.from(jsonOfSize(size));
const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };

const server = createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});

server.listen(port, host);

// Exit promptly on SIGTERM so the harness's teardown stays quick.
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
