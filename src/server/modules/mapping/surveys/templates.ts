import type { Db } from '../../../db/client.ts';

// Placeholder until the built-in templates land (this session).
export async function loadBuiltInTemplates(_db: Db): Promise<void> {}
