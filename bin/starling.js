#!/usr/bin/env node
// The `starling` command. The code lives in packages/cli; `npm install` builds it.
import { main } from '@starling/cli';

process.exit(await main(process.argv.slice(2)));
