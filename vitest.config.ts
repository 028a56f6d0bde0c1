import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Vite would hand our code graphql's ES build while the dependencies Node loads (type-graphql, Apollo)
    // use its CommonJS build: two graphql instances, which graphql refuses. One instance, as under Node.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // Neo4j Community has one database, which the integration tests share, so their files run one at a time in a
    // single fork. Pools are shared across projects and configured here at the root, so the unit files take the
    // threads pool instead: they run in parallel with each other and with the integration files.
    poolOptions: { forks: { singleFork: true } },
    // type-graphql's decorators need the Reflect metadata API before any type is declared.
    setupFiles: ['reflect-metadata'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          pool: 'threads',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          pool: 'forks',
          include: ['src/**/*.int.test.ts', 'tests/**/*.int.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
