import { migratedPgliteTemplate } from './pglite-template.js';

/**
 * Makes the migrated PGlite template once, before the workers start: in a clean clone (CI) each worker
 * would otherwise run PGlite's initdb and every migration at the same time, for the same file.
 */
export default async function makePgliteTemplate(): Promise<void> {
  await migratedPgliteTemplate();
}
