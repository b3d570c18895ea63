// One cold start of one Starling function, in a fresh process, as Lambda starts one:
// load the handler module (Lambda's init phase), call the handler with an API Gateway
// event (the first call builds the service's platform), then call it once more warm.
// Prints one JSON line; bench/lambda-cold-start.js runs it and reads the line.
//
//   node bench/lib/lambda-invoke.js <role> '<event JSON>'
//
// Times are from the process's own start (performance.now()), so node's boot counts,
// as the runtime's does on Lambda.
const [role, eventJson] = process.argv.slice(2);
const { handlers, lambdaContext } = await import('../../apps/cli/dist/lambda/index.js');
const initMs = performance.now();
const handler = handlers[role];
if (!handler) throw new Error(`no handler for ${role}`);
const event = JSON.parse(eventJson);
const first = await handler(event, lambdaContext(role));
const coldMs = performance.now();
const again = performance.now();
const second = await handler(
  { ...event, requestContext: { ...event.requestContext, requestId: 'warm' } },
  lambdaContext(role),
);
const warmMs = performance.now() - again;
console.log(JSON.stringify({ initMs, coldMs, warmMs, status: first.statusCode, warmStatus: second.statusCode }));
await handler.close();
process.exit(0);
