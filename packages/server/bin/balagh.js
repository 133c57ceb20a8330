#!/usr/bin/env node
// The `balagh` command. Its code is built into dist/ (`pnpm build`); this file exists before
// the build so that installing a workspace that depends on @balagh/server can link the command.
import '../dist/balagh.js';
