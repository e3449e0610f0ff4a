import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@quizmark/source'] },
  ssr: { resolve: { conditions: ['@quizmark/source'] } },
  // Browser tests start Chromium: generous limits, never timed assertions.
  test: { name: 'render-html', testTimeout: 60_000, hookTimeout: 120_000 },
});
