import { z } from 'zod';

/**
 * The accessibility statement (tilgjengelighetserklæring). What the platform knows about itself ships with the code
 * (the deviations below, the date it was last reviewed); an installation says where to report a deviation and may
 * give the date of its own review (ACCESSIBILITY_CONTACT, ACCESSIBILITY_REVIEWED).
 */
export const ACCESSIBILITY_REVIEWED_ON = '2026-12-05';

/** Known deviations, each with the WCAG 2.1 success criteria it breaks; the web page says what each means in nb, nn and en. */
export const KNOWN_DEVIATIONS = [{ key: 'uploadedDocuments', criteria: ['1.1.1', '1.3.1', '2.4.2'] }] as const;
export type DeviationKey = (typeof KNOWN_DEVIATIONS)[number]['key'];

export const AccessibilityStatementSchema = z.object({
  /** The address the public page is at, as the statement names it. */
  url: z.string(),
  contact: z.email().nullable(),
  reviewedOn: z.string(),
  deviations: z.array(z.object({ key: z.string(), criteria: z.array(z.string()) })),
});
export type AccessibilityStatement = z.infer<typeof AccessibilityStatementSchema>;
