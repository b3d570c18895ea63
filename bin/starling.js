#!/usr/bin/env node
// The `starling` command from the repository root; see packages/cli.
import '../packages/cli/bin/starling.js';
