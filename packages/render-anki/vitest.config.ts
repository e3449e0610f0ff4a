import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@quizmark/source'] },
  ssr: { resolve: { conditions: ['@quizmark/source'] } },
  // Chromium renders 20 card screenshots in one test: allow more than 5 s.
  test: { name: 'render-anki', testTimeout: 60_000, hookTimeout: 60_000 },
});
