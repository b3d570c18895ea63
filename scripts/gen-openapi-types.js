// Generates each service's TypeScript types from its openapi.yaml, so handlers never
// restate the contract by hand. `--check` fails when a committed file is out of date.
import { readdirSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const check = process.argv.includes('--check');
let stale = 0;
for (const service of readdirSync('services')) {
  const spec = join('services', service, 'openapi.yaml');
  if (!existsSync(spec)) continue;
  const ast = await openapiTS(new URL(`file://${join(process.cwd(), spec)}`));
  const out = join('services', service, 'src', 'generated', 'openapi.ts');
  const text = `// Generated from ${spec} by scripts/gen-openapi-types.js. Do not edit.\n\n${astToString(ast)}`;
  const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (current === text) continue;
  if (check) {
    console.error(`${out} is out of date: run npm run gen`);
    stale += 1;
  } else {
    mkdirSync(join('services', service, 'src', 'generated'), { recursive: true });
    writeFileSync(out, text);
    console.log(`wrote ${out}`);
  }
}
process.exit(stale ? 1 : 0);
