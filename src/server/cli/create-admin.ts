import { readConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { createPlatformAdministrator } from '../modules/auth/index.ts';

/** `npm run create-admin -- kari@kommune.no "Kari Nordmann"`: prints a link where the new administrator chooses a password. */
async function run() {
  const [email, name] = process.argv.slice(2);
  if (!email || !name) throw new Error('usage: npm run create-admin -- <e-mail> "<name>"');
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  try {
    await database.migrate();
    const link = await createPlatformAdministrator(database.db, email, name, config.publicUrl);
    console.log(`Platform administrator ${email} created. Choose a password within 14 days at:\n${link}`);
  } finally {
    await database.close();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
