#!/usr/bin/env node
/**
 * The `balagh` command: API keys and migrations against `DATABASE_URL` (see `runCli`).
 *
 * @packageDocumentation
 */
import { runCli } from './run-cli.js';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
