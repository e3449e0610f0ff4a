export { browserAvailable, chromiumPath, type LaunchedBrowser, launchBrowser } from './browser.js';
export { findExecutable, runTool, systemTool } from './system-tool.js';
