// Generates TypeScript types from the OpenAPI documents, so no code restates a contract
// by hand: each service's src/generated/openapi.ts from its openapi.yaml (with the shared
// components it imports bundled in), the shared package's (packages/contracts/src/generated/openapi.ts)
// from its components, and the SDK's (packages/sdk/src/generated/openapi.ts) from all the
// services' merged as the platform merges them for /openapi.json. `--check` fails when a committed file is out of date.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadContract, mergeContracts } from '@starling/contracts/bundle';

const check = process.argv.includes('--check');
let stale = 0;

async function generate(source, document, out) {
  const text = `// Generated from ${source} by scripts/gen-openapi-types.js. Do not edit.\n\n${astToString(await openapiTS(document))}`;
  const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (current === text) return;
  if (check) {
    console.error(`${out} is out of date: run npm run gen`);
    stale += 1;
    return;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}

const specs = readdirSync('services')
  .map((service) => join('services', service, 'openapi.yaml'))
  .filter((spec) => existsSync(spec))
  .sort();

const shared = readdirSync(join('packages', 'contracts', 'openapi'))
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => join('packages', 'contracts', 'openapi', file));
const components = {};
for (const file of shared) {
  for (const [kind, entries] of Object.entries(loadContract(file).components ?? {})) {
    components[kind] = { ...components[kind], ...entries };
  }
}
await generate(
  shared.join(', '),
  { openapi: '3.1.0', info: { title: 'Starling shared components', version: '1.0.0' }, paths: {}, components },
  join('packages', 'contracts', 'src', 'generated', 'openapi.ts'),
);

const documents = [];
for (const spec of specs) {
  const document = loadContract(spec);
  await generate(spec, document, join(dirname(spec), 'src', 'generated', 'openapi.ts'));
  documents.push(document);
}
await generate(
  specs.join(', '),
  mergeContracts({ openapi: '3.1.0', info: { title: 'Starling', version: '1.0.0' } }, documents),
  join('packages', 'sdk', 'src', 'generated', 'openapi.ts'),
);
process.exit(stale ? 1 : 0);
