import { z } from 'zod';

// zod compiles object schemas with `new Function` when it may, and finds out by trying: under the app's CSP
// (no 'unsafe-eval') that try is a CSP violation on every page. It is imported first, so no schema has run yet.
z.config({ jitless: true });
