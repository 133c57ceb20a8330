import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeDocModule } from '../../../../.ci/doc-examples.js';
import { configVariables } from '../../src/config/load-config.js';

const guide = fileURLToPath(new URL('../../../../docs/server.md', import.meta.url));
const packageDirectory = fileURLToPath(new URL('../..', import.meta.url));

describe('docs/server.md', () => {
  // Its runnable examples, composed into one module in reading order: a server on SQLite in a
  // temporary folder, on a free port, with the local file notifier.
  it('runs its examples, in reading order', async () => {
    await import(writeDocModule(guide, packageDirectory));
  });

  it('documents every configuration variable', () => {
    const text = readFileSync(guide, 'utf8');
    const missing = Object.keys(configVariables).filter((name) => !text.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
