export { type Io, processIo } from './io.js';
export { main } from './main.js';
export { formatDiagnostics, summarize } from './report.js';
