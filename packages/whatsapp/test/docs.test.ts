import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { writeDocModule } from '../../../.ci/doc-examples.js';

const guide = fileURLToPath(new URL('../../../docs/whatsapp.md', import.meta.url));
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

// The runnable examples of docs/whatsapp.md, composed into one module in reading order. None of
// them reaches Meta: the intake server runs in-process on SQLite in memory, and the sender
// keeps what it would send. The example that calls the Graph API is marked no-run.
describe('docs/whatsapp.md', () => {
  it('runs its examples, in reading order', async () => {
    await import(writeDocModule(guide, packageDirectory));
  });
});
