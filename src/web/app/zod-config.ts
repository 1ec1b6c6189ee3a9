import { z } from 'zod';

// zod compiles object schemas with `new Function` when it may, and finds out by trying: under the app's CSP
// (no 'unsafe-eval') that try is a CSP violation on every page. The web build resolves every import of zod in the
// client to this module (jitlessZodPlugin in vite.config.ts), so this runs before any schema is made.
z.config({ jitless: true });

// What the importers asked zod for.
export * from 'zod';
export { default } from 'zod';
