import { z } from 'zod';

/**
 * What the logged-in user may do with a network's portfolio (proposals and projects), as the server decides it: the
 * web shows the pages and controls by it. `chiefExecutive`: they read only because they sit in the network's chief
 * executives' council.
 */
export const PortfolioAccessSchema = z.object({
  read: z.boolean(),
  propose: z.boolean(),
  write: z.boolean(),
  chiefExecutive: z.boolean(),
});
export type PortfolioAccess = z.infer<typeof PortfolioAccessSchema>;
