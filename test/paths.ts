import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PGLITE_TEMPLATE_DIR = join(tmpdir(), `digiregion-test-pglite-${process.env.VITEST_RUN_ID ?? 'template'}`);
/** The same database as one uncompressed tar of its data directory, which each test file loads into memory. */
export const PGLITE_TEMPLATE_TAR = `${PGLITE_TEMPLATE_DIR}.tar`;
export const PG_TEMPLATE_DB = 'digiregion_test_template';
/** The demo's uploaded files (the projects' basis documents), copied into each test app's files folder. */
export const DEMO_FILES_DIR = join(tmpdir(), `digiregion-test-files-${process.env.VITEST_RUN_ID ?? 'template'}`);
