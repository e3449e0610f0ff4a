import { type Browser, chromium } from 'playwright-core';
import { findExecutable, systemTool } from './system-tool.js';

// Debian's chromium, started with the flags that work on a machine with no
// network: no background requests, no first-run, no sandbox (root in CI).
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string | null {
  return (
    process.env.CHROMIUM_PATH ?? findExecutable('chromium') ?? findExecutable('chromium-browser')
  );
}

/** Whether browser tests can run here (throws under CI=true when Chromium is missing). */
export function browserAvailable(): boolean {
  if (process.env.CHROMIUM_PATH) return true;
  return systemTool('chromium', 'chromium').available;
}

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches headless Chromium; playwright gives it a fresh, throw-away profile. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
  }
  const browser = await chromium.launch({
    executablePath,
    // playwright adds --headless itself when headless is set.
    args: FLAGS.filter((flag) => flag !== '--headless'),
    headless: true,
  });
  return { browser, close: () => browser.close() };
}
