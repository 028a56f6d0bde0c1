import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Vite would hand our code graphql's ES build while the dependencies Node loads (type-graphql, Apollo)
    // use its CommonJS build: two graphql instances, which graphql refuses. One instance, as under Node.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // Neo4j Community has one database, which the integration tests share: test files run one at a time.
    fileParallelism: false,
    // type-graphql's decorators need the Reflect metadata API before any type is declared.
    setupFiles: ['reflect-metadata'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'tests/**/*.int.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
