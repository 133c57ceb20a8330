import { defineProject } from 'vitest/config';

/** Core's tests. The root config runs them a second time under America/New_York. */
export default defineProject({
  resolve: { conditions: ['@balagh/source'] },
  ssr: { resolve: { conditions: ['@balagh/source'] } },
  test: {
    name: 'core',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    env: { TZ: 'UTC' },
    setupFiles: ['../../.ci/vitest-fail-on-console.ts'],
  },
});
