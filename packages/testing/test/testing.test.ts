import { describe, expect, it } from 'vitest';
import { browserAvailable, findExecutable, launchBrowser, systemTool } from '../src/index.js';

describe('@quizmark/testing', () => {
  it('should find executables on PATH and report missing ones', () => {
    expect(findExecutable('node')).toMatch(/node$/);
    expect(findExecutable('no-such-tool-quizmark')).toBeNull();
  });

  it('should fail instead of skipping under CI=true when a tool is missing', () => {
    const saved = process.env.CI;
    process.env.CI = 'true';
    try {
      expect(() => systemTool('no-such-tool-quizmark', 'none')).toThrow(/CI=true/);
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
  });

  it.runIf(browserAvailable())('should launch headless Chromium and render a page', async () => {
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="x">hello</p>');
      expect(await page.textContent('#x')).toBe('hello');
    } finally {
      await close();
    }
  });
});
