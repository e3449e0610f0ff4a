import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@quizmark/source'] },
  ssr: { resolve: { conditions: ['@quizmark/source'] } },
  // Generous: the machine running the suite may be busy; speed is benchmarked elsewhere.
  test: { name: 'blueprint', testTimeout: 60_000 },
});
