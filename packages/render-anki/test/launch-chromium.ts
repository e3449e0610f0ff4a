import { chromiumPath, type LaunchedBrowser, launchBrowser } from '@quizmark/testing';
import { chromium } from 'playwright-core';

/**
 * `launchBrowser()` from @quizmark/testing. Its `--user-data-dir` flag is
 * refused by playwright-core 1.65 ("Pass userDataDir parameter to
 * launchPersistentContext"); until that is fixed there, fall back to the same
 * Chromium with playwright's own throw-away profile. Any other error stands.
 */
export async function launchChromium(): Promise<LaunchedBrowser> {
  try {
    return await launchBrowser();
  } catch (error) {
    if (!String(error).includes('launchPersistentContext')) throw error;
    const browser = await chromium.launch({
      executablePath: chromiumPath()!,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return { browser, close: () => browser.close() };
  }
}
