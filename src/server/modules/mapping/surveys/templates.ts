import { isDeepStrictEqual } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { surveyTemplates } from '../../../db/schema/index.ts';
import { BUILT_IN_TEMPLATES, SurveyDefinitionSchema } from '../../../../shared/mapping/surveys.ts';
import { BUILT_IN_TEMPLATE_CONTENT } from './built-in-templates.ts';

/**
 * Writes the shipped templates (keyed by `builtIn`) at start: a missing one is added, a changed one is
 * updated with its version bumped, an unchanged one is left alone. Running it twice changes nothing.
 */
export async function loadBuiltInTemplates(db: Db): Promise<void> {
  for (const builtIn of BUILT_IN_TEMPLATES) {
    const content = BUILT_IN_TEMPLATE_CONTENT[builtIn];
    // The shipped content passes the same check as a network's own template.
    const definition = SurveyDefinitionSchema.parse(content.definition);
    const [existing] = await db.select().from(surveyTemplates).where(eq(surveyTemplates.builtIn, builtIn));
    if (!existing) {
      await db
        .insert(surveyTemplates)
        .values({ builtIn, networkId: null, name: content.name, description: content.description, definition })
        // Another instance starting at the same moment may have just added it.
        .onConflictDoNothing();
      continue;
    }
    const unchanged =
      existing.name === content.name && existing.description === content.description && isDeepStrictEqual(existing.definition, definition);
    if (unchanged) continue;
    await db
      .update(surveyTemplates)
      .set({
        name: content.name,
        description: content.description,
        definition,
        version: sql`${surveyTemplates.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(surveyTemplates.id, existing.id));
  }
}
