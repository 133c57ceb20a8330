import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeDocModule } from '../../../.ci/doc-examples.js';

const docs = join(import.meta.dirname, '../../../docs');
const guides = [
  join(docs, 'core.md'),
  ...readdirSync(join(docs, 'core'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(docs, 'core', file)),
];

describe('the core guide', () => {
  for (const guide of guides) {
    it(`runs every example of ${guide.slice(docs.length + 1)} in reading order`, async () => {
      // Examples print what they show; the output is not the point here, running is.
      vi.spyOn(console, 'log').mockImplementation(() => undefined);
      await expect(
        import(writeDocModule(guide, join(import.meta.dirname, '..'))),
      ).resolves.toBeDefined();
    });
  }
});
