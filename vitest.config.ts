import { defineConfig } from 'vitest/config';

export const unitTests = 'test/unit/**/*.test.{ts,tsx}';

export const config = defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: [unitTests], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});

// vitest requires a default export from its config file; this is the one exception to the rule.
export default config;
