import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@quizmark/source'] },
  ssr: { resolve: { conditions: ['@quizmark/source'] } },
  test: { name: 'e2e', testTimeout: 180_000, hookTimeout: 180_000 },
});
