#!/usr/bin/env node
import { bundledEntry } from './bundle-check.js';

// The bundle while it is current (bundle-check.ts), else the modules in dist/.
await import(bundledEntry() ?? './run.js');
