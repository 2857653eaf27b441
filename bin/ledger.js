#!/usr/bin/env node
// The `ledger` command of an installed package; from a checkout use `npm run ledger -- <command>`.
require('../dist/apps/cli/src/main.js');
