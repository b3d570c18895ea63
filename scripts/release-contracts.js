#!/usr/bin/env node
// Records each service's contract as released: contracts/released/<service>.json.
// The breaking-change test (test/build/contract-breaks.test.ts) compares the working
// contracts with these copies. Run it when a version ships:
//   npm run contracts:release
// and then empty contracts/intended-breaks.json, since the breaks it lists are released.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContract } from '@starling/contracts/bundle';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const service of readdirSync(join(root, 'services'))) {
  const source = join(root, 'services', service, 'openapi.yaml');
  if (!existsSync(source)) continue;
  // As the platform serves it: the shared components it imports bundled in.
  const contract = loadContract(source);
  writeFileSync(join(root, 'contracts/released', `${service}.json`), `${JSON.stringify(contract, null, 2)}\n`);
  console.log(`released ${service} ${contract.info?.version ?? ''}`);
}
