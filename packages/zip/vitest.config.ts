import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@quizmark/source'] },
  ssr: { resolve: { conditions: ['@quizmark/source'] } },
  test: { name: 'zip', testTimeout: 60_000, hookTimeout: 120_000 },
});
