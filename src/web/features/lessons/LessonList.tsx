import type { ReactNode } from 'react';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Lesson } from '../../../shared/portfolio/lessons.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink } from '../../app/ui.tsx';
import { projectPath, useProjectMessages } from '../projects/index.ts';
import { useLessonMessages } from './messages.ts';

/**
 * Lessons as a list of articles: title, what happened, what was learned and what to do next time, with the phase, the
 * focus areas, whether it is shared, and its project — linked where the reader may open it (the asking network's own).
 */
export function LessonList({
  lessons,
  networkSlug,
  headingLevel = 3,
  showProject = true,
  actions,
}: {
  lessons: Lesson[];
  networkSlug: string;
  headingLevel?: 2 | 3 | 4;
  showProject?: boolean;
  actions?: (lesson: Lesson) => ReactNode;
}) {
  const t = useLessonMessages();
  const pm = useProjectMessages();
  const { date } = useI18n();
  return (
    <ul className="dr-lessons">
      {lessons.map((l) => (
        <li key={l.id}>
          <article className="dr-lesson" aria-labelledby={`lesson-${l.id}`}>
            <Heading level={headingLevel} data-size="xs" id={`lesson-${l.id}`}>
              {l.title}
            </Heading>
            <div className="dr-lesson-tags">
              <Tag data-size="sm" data-color="neutral">
                {pm.phases[l.phase]}
              </Tag>
              {l.focusAreas.map((f) => (
                <Tag key={f.key} data-size="sm" data-color="info">
                  {f.title}
                </Tag>
              ))}
              {l.ownNetwork ? (
                <Tag data-size="sm" data-color={l.shareable ? 'success' : 'neutral'}>
                  {l.shareable ? t.shared : t.notShared}
                </Tag>
              ) : (
                <Tag data-size="sm" data-color="warning">
                  {fmt(t.fromNetwork, { network: l.network.name })}
                </Tag>
              )}
            </div>
            <dl className="dr-lesson-text">
              <dt>{t.happened}</dt>
              <dd>{l.happened}</dd>
              <dt>{t.learned}</dt>
              <dd>{l.learned}</dd>
              {l.nextTime && (
                <>
                  <dt>{t.nextTime}</dt>
                  <dd>{l.nextTime}</dd>
                </>
              )}
            </dl>
            <Paragraph data-size="sm" className="dr-muted">
              {showProject && (
                <>
                  {t.project}:{' '}
                  {l.ownNetwork ? (
                    <AppLink to={projectPath(networkSlug, l.project.id)}>
                      {l.project.reference} {l.project.title}
                    </AppLink>
                  ) : (
                    `${l.project.reference} ${l.project.title}`
                  )}
                  {' · '}
                </>
              )}
              {fmt(t.recorded, { date: date(l.createdAt) })}
            </Paragraph>
            {actions?.(l)}
          </article>
        </li>
      ))}
    </ul>
  );
}
