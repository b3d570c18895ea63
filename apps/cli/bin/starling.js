#!/usr/bin/env node
// The `starling` command (`npx starling`); the code is in ../src, built into ../dist.
import { main } from '../dist/main.js';

process.exit(await main(process.argv.slice(2)));
