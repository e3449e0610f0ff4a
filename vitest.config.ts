import { defineConfig } from 'vitest/config';

// One run covers every package and the end-to-end folder. The source export
// condition lets tests import workspace packages without building them first.
export default defineConfig({
  resolve: { conditions: ['@quizmark/source'] },
  ssr: { resolve: { conditions: ['@quizmark/source'] } },
  test: {
    projects: ['packages/*', 'tests'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
