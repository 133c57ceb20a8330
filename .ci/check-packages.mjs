#!/usr/bin/env node
// Checks every publishable package: publint --strict and @arethetypeswrong/cli --pack, and that
// the dependency graph between @balagh packages is the one the architecture allows.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const allowed = {
  '@balagh/core': [],
  '@balagh/client': ['@balagh/core'],
  '@balagh/sms': ['@balagh/core'],
  '@balagh/whatsapp': ['@balagh/core'],
  '@balagh/server': ['@balagh/core'],
  '@balagh/widget': ['@balagh/core', '@balagh/client'],
};

let failed = false;
for (const dir of readdirSync(join(root, 'packages'))) {
  const cwd = join(root, 'packages', dir);
  const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  const deps = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter((d) =>
    d.startsWith('@balagh/'),
  );
  const forbidden = deps.filter((d) => !(allowed[manifest.name] ?? []).includes(d));
  if (forbidden.length > 0) {
    console.error(`${manifest.name} must not depend on ${forbidden.join(', ')}`);
    failed = true;
  }
  for (const [command, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped']],
  ]) {
    try {
      execFileSync(join(root, 'node_modules', '.bin', command), args, { cwd, stdio: 'pipe' });
      console.log(`✓ ${manifest.name}: ${command}`);
    } catch (error) {
      console.error(`✗ ${manifest.name}: ${command}\n${error.stdout}${error.stderr}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
