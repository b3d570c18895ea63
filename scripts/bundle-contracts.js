// Writes each service's contract, bundled, as JSON beside it (services/<name>/dist/openapi.json),
// which `loadContract` reads instead of parsing the YAML while the YAML is unchanged:
// part of `npm run build`. See writeBundledContract in packages/contracts/openapi/bundle.js.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeBundledContract } from '@starling/contracts/bundle';

for (const service of readdirSync('services').sort()) {
  const spec = join('services', service, 'openapi.yaml');
  if (!existsSync(spec)) continue;
  const out = writeBundledContract(spec);
  if (!out) console.warn(`${spec}: not bundled as JSON (it holds values JSON cannot); it is parsed at start`);
}
