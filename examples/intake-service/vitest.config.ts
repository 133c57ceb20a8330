import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@balagh/source'] },
  ssr: { resolve: { conditions: ['@balagh/source'] } },
  test: {
    name: 'intake-service',
    include: ['test/**/*.test.ts'],
    setupFiles: ['../../.ci/vitest-fail-on-console.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
