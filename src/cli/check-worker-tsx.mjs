// Development and tests only (dist/ has check-worker.js): a worker thread does not inherit its parent's
// tsx loader on Node 20, so it registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
