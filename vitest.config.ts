import { defineConfig } from 'vitest/config';

/**
 * One vitest run for the whole workspace: every package (and example) is a project with its
 * own `vitest.config.ts`. Tests resolve `@balagh/*` to their TypeScript sources through the
 * `@balagh/source` export condition, so no build is needed to test.
 */
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      // No result of core's SLA engine or date helpers may depend on the host's time zone.
      {
        extends: './packages/core/vitest.config.ts',
        root: './packages/core',
        test: { name: 'core (America/New_York)', env: { TZ: 'America/New_York' } },
      },
    ],
  },
});
