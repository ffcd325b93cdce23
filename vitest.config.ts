import { defineConfig } from 'vitest/config';

// One config for every test: unit (src/**), storage on PGlite and PostgreSQL, server, and the
// Chromium browser tests (test/browser). `npm test` (scripts/test.sh) supplies the PostgreSQL cluster.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', 'web/**'],
    // PGlite takes a few seconds to start; a browser launch too. Generous limits, no timing assertions.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // Separate processes: PGlite (WASM) and native modules behave better outside worker threads.
    pool: 'forks',
    // 2-core machines; PGlite is memory-hungry. At most two test files run at once.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
