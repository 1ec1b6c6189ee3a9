import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { LessonSearchResult } from '../../../shared/portfolio/lessons.ts';
import { query, useApi } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { LoadState } from '../../app/ui.tsx';
import { LessonList } from './LessonList.tsx';
import { networkLessonsApi } from './lessons-api.ts';
import { useLessonMessages } from './messages.ts';
import './lessons.css';

/**
 * Lessons from earlier projects with a proposal's focus area — the network's own and other networks' shareable ones —
 * lent to the proposal form and the proposal page, so that a new idea starts from what the projects before it learned.
 */
export function RelatedLessons({
  networkId,
  networkSlug,
  focusArea,
  headingLevel = 2,
}: {
  networkId: string;
  networkSlug: string;
  focusArea: { key: string; title: string } | null;
  headingLevel?: 2 | 3;
}) {
  const t = useLessonMessages();
  const found = useApi<LessonSearchResult>(
    focusArea ? networkLessonsApi(networkId, query({ focusAreas: focusArea.key, limit: 10 })) : null,
  );
  return (
    <section aria-labelledby="related-lessons" className="dr-stack">
      <Heading level={headingLevel} data-size="xs" id="related-lessons">
        {t.relatedHeading}
      </Heading>
      {focusArea === null ? (
        <Paragraph data-size="sm">{t.relatedChoose}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">{fmt(t.relatedIntro, { focusArea: focusArea.title })}</Paragraph>
          <LoadState loaded={found}>
            {(result) =>
              result.lessons.length === 0 ? (
                <Paragraph data-size="sm">{t.relatedNone}</Paragraph>
              ) : (
                <LessonList lessons={result.lessons} networkSlug={networkSlug} headingLevel={headingLevel === 2 ? 3 : 4} />
              )
            }
          </LoadState>
        </>
      )}
    </section>
  );
}
