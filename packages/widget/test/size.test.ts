import { describe, expect, it } from 'vitest';
import { checkWidgetSize, measureWidgetSize, widgetSizeBudget } from '../scripts/size.js';

// `pnpm --filter @balagh/widget size` prints the same check; this test makes the workspace's test
// command enforce the budget.
describe('the script-tag bundle', () => {
  it('carries no zod, no ky and no core schema', async () => {
    const { inputs } = await measureWidgetSize();
    expect(inputs.filter((input) => input.includes('/zod/'))).toEqual([]);
    expect(inputs.filter((input) => input.includes('/ky/'))).toEqual([]);
    expect(inputs.filter((input) => input.includes('/core/src/schemas/'))).toEqual([]);
    expect(inputs.filter((input) => input.startsWith('../core/src/'))).toEqual(
      expect.arrayContaining(['../core/src/digits/normalize-digits.ts']),
    );
  });

  it('stays within its budget, minified and gzipped, with the strings of every language', async () => {
    const lines: string[] = [];
    const problems = await checkWidgetSize((line) => lines.push(line));
    expect(problems, lines.join('\n')).toEqual([]);
    expect(lines.join('\n')).toContain(`budget ${(widgetSizeBudget / 1000).toFixed(2)} KB`);
  });
});
