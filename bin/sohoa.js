#!/usr/bin/env node
// The `sohoa` command. Runs the compiled JavaScript in dist/ (built by `npm ci` / `npm run build`) when it
// is current, else the TypeScript sources through tsx (see dist-entry.js), so a developer who edits src/
// without rebuilding never runs stale code, and an install without a compiler still works.
import { cliEntry } from './dist-entry.js';

const entry = cliEntry();
if (!entry.compiled) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import(entry.url);
process.exitCode = await main(process.argv.slice(2));
