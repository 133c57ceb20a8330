import { describe, expect, it } from 'vitest';
import { checkClientSize, measureClientSize, sizeBudgets } from '../scripts/size.js';

// `pnpm --filter @balagh/client size` prints the same check; this test makes the workspace's
// test command enforce the budgets.
describe('bundle size', () => {
  it('keeps zod and core schemas out of the code a browser app loads up front', async () => {
    const { withoutValidation, withValidation } = await measureClientSize();
    expect(withoutValidation.inputs.filter((input) => input.includes('/zod/'))).toEqual([]);
    expect(
      withoutValidation.inputs.filter((input) => input.includes('/core/src/schemas/')),
    ).toEqual([]);
    expect(withValidation.inputs.some((input) => input.includes('/zod/'))).toBe(true);
  });

  it("validates with core's schemas of the public answers, without core's staff report schema", async () => {
    const { withValidation } = await measureClientSize();
    const coreSchemas = withValidation.inputs.filter((input) =>
      input.includes('/core/src/schemas/'),
    );
    expect(coreSchemas).toEqual(
      expect.arrayContaining([
        '../core/src/schemas/attachment.ts',
        '../core/src/schemas/public-report-status.ts',
        '../core/src/schemas/report-receipt.ts',
      ]),
    );
    expect(coreSchemas).not.toContain('../core/src/schemas/report.ts');
    expect(coreSchemas).not.toContain('../core/src/schemas/report-input.ts');
    expect(coreSchemas).not.toContain('../core/src/schemas/staff-report.ts');
    expect(coreSchemas).not.toContain('../core/src/schemas/report-stats.ts');
  });

  it('stays within the budgets, minified and gzipped', async () => {
    const lines: string[] = [];
    const problems = await checkClientSize((line) => lines.push(line));
    expect(problems, lines.join('\n')).toEqual([]);
    expect(lines.join('\n')).toContain(
      `budget ${(sizeBudgets.withoutValidation / 1000).toFixed(2)} KB`,
    );
  });
});
