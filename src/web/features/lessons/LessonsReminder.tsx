import { Paragraph } from '@digdir/designsystemet-react';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { AppLink } from '../../app/ui.tsx';
import { projectTabPath, useProjectMessages } from '../projects/index.ts';
import { useLessonMessages } from './messages.ts';

/**
 * The reminder at BP4 and BP5 while the project has recorded no lessons (`project.next.lessonsMissing`), lent to the
 * project's summary and its decision panel. A reminder only: the decision point passes without it.
 */
export function LessonsReminder({ project, networkSlug }: { project: Project; networkSlug: string }) {
  const t = useLessonMessages();
  const pm = useProjectMessages();
  if (!project.next.lessonsMissing) return null;
  return (
    <Paragraph data-size="sm" className="dr-project-warning">
      {fmt(t.missing, { point: pm.decisionPointShort[project.next.decisionPoint] })}{' '}
      <AppLink to={projectTabPath(networkSlug, project.id, 'erfaringer')}>{t.missingLink}</AppLink>
    </Paragraph>
  );
}
