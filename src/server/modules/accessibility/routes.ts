import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AccessibilityStatementSchema, KNOWN_DEVIATIONS } from '../../../shared/accessibility/schema.ts';

export const ACCESSIBILITY_PAGE = '/tilgjengelighet';

/** The installation's accessibility statement, public: its contact and review date from the configuration. */
export const accessibilityRoutes: FastifyPluginAsyncZod<{ publicUrl: string; contact: string | null; reviewedOn: string }> = async (
  app,
  { publicUrl, contact, reviewedOn },
) => {
  app.get(
    '/public/accessibility',
    { config: { public: true }, schema: { tags: ['public'], response: { 200: AccessibilityStatementSchema } } },
    () => ({
      url: `${publicUrl}${ACCESSIBILITY_PAGE}`,
      contact,
      reviewedOn,
      deviations: KNOWN_DEVIATIONS.map((d) => ({ key: d.key, criteria: [...d.criteria] })),
    }),
  );
};
