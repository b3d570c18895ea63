#!/usr/bin/env node
// The `starling` command (`npx starling`); the code is in ../src, built into ../dist.
// The command is imported only once tracing is set up (see src/tracing.ts).
import { runTraced } from '../dist/tracing.js';

process.exit(await runTraced(process.argv.slice(2), async () => (await import('../dist/main.js')).main));
