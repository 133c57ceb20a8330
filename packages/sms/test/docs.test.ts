import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { writeDocModule } from '../../../.ci/doc-examples.js';

const guide = fileURLToPath(new URL('../../../docs/sms.md', import.meta.url));
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

// The runnable examples of docs/sms.md, composed into one module in reading order. None of them
// reaches a provider: sending goes to the local file provider in a temporary folder.
describe('docs/sms.md', () => {
  it('runs its examples, in reading order', async () => {
    await import(writeDocModule(guide, packageDirectory));
  });
});
