import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

// bidi-js is CommonJS typed as an ES module: its factory is `module.exports`
// itself, which an ES default import reaches in Node but not in the types.
const require = createRequire(import.meta.url);
const createBidi: () => Bidi = require('bidi-js');

/** The Unicode Bidirectional Algorithm (UAX #9), one instance per process. */
export const bidi = createBidi();
