import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PGLITE_TEMPLATE_DIR = join(tmpdir(), `digiregion-test-pglite-${process.env.VITEST_RUN_ID ?? 'template'}`);
export const PG_TEMPLATE_DB = 'digiregion_test_template';
