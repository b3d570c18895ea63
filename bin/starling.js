#!/usr/bin/env node
// The `starling` command from the repository root; see apps/cli.
import '../apps/cli/bin/starling.js';
