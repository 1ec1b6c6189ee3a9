import { Button, Checkbox, Paragraph } from '@digdir/designsystemet-react';
import { LessonInputSchema, LessonUpdateSchema, type Lesson } from '../../../shared/portfolio/lessons.ts';
import { PHASES, type Project } from '../../../shared/portfolio/projects.ts';
import { useApi } from '../../app/api.ts';
import { SuccessMessage, TextField } from '../../app/forms.tsx';
import { OptionSelect, optionsOf } from '../../app/form-parts.tsx';
import { DeleteDialog, EditDialog, useRowDialogs } from '../../app/row-dialogs.tsx';
import { CheckboxGroup, useFormValues } from '../../app/fields.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { ButtonRow, LoadState, Section } from '../../app/ui.tsx';
import { useProjectMessages } from '../projects/index.ts';
import { useFocusAreas } from '../proposals/index.ts';
import { LessonList } from './LessonList.tsx';
import { projectLessonsApi } from './lessons-api.ts';
import { useLessonMessages } from './messages.ts';
import './lessons.css';

/**
 * «Erfaringer» on the project page: the project's lessons learned, newest first, and for those who may change the
 * project the dialogs that record, change and delete them. A change reloads the project too, so that the reminder at
 * BP4 and BP5 goes once a lesson is there.
 */
export function ProjectLessons({
  project,
  networkSlug,
  editable,
  onChanged,
}: {
  project: Project;
  networkSlug: string;
  editable: boolean;
  onChanged: () => void;
}) {
  const t = useLessonMessages();
  const loaded = useApi<Lesson[]>(projectLessonsApi(project.id));
  const dialogs = useRowDialogs<Lesson>(() => {
    loaded.reload();
    onChanged();
  });
  return (
    <Section id="project-lessons" title={t.heading}>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <SuccessMessage message={dialogs.status} />
      <LoadState loaded={loaded}>
        {(lessons) =>
          lessons.length === 0 ? (
            <Paragraph>{t.none}</Paragraph>
          ) : (
            <LessonList
              lessons={lessons}
              networkSlug={networkSlug}
              showProject={false}
              actions={
                editable
                  ? (l) => (
                      <ButtonRow>
                        <Button
                          type="button"
                          variant="secondary"
                          data-size="sm"
                          aria-label={fmt(t.editLabel, { name: l.title })}
                          onClick={() => dialogs.setEditing(l)}
                        >
                          {t.edit}
                        </Button>
                        <Button
                          type="button"
                          variant="tertiary"
                          data-color="danger"
                          data-size="sm"
                          aria-label={fmt(t.deleteLabel, { name: l.title })}
                          onClick={() => dialogs.setDeleting(l)}
                        >
                          {t.delete}
                        </Button>
                      </ButtonRow>
                    )
                  : undefined
              }
            />
          )
        }
      </LoadState>
      {editable && (
        <ButtonRow>
          <Button type="button" onClick={() => dialogs.setEditing('new')}>
            {t.add}
          </Button>
        </ButtonRow>
      )}
      <EditDialog dialogs={dialogs} addTitle={t.addTitle} editTitle={t.editTitle}>
        {(item) => (
          <LessonForm
            project={project}
            networkSlug={networkSlug}
            item={item}
            onDone={(lesson) => dialogs.changed(fmt(item === null ? t.added : t.saved, { name: lesson.title }))}
            onCancel={dialogs.close}
            onReload={dialogs.reload}
          />
        )}
      </EditDialog>
      <DeleteDialog
        dialogs={dialogs}
        title={t.deleteTitle}
        confirmLabel={t.delete}
        path={(l) => `/project-lessons/${l.id}`}
        question={(l) => fmt(t.deleteConfirm, { name: l.title })}
        deleted={(l) => fmt(t.deleted, { name: l.title })}
      />
    </Section>
  );
}

function LessonForm({
  project,
  networkSlug,
  item,
  onDone,
  onCancel,
  onReload,
}: {
  project: Project;
  networkSlug: string;
  item: Lesson | null;
  onDone: (lesson: Lesson) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useLessonMessages();
  const pm = useProjectMessages();
  const focusAreas = useFocusAreas(networkSlug);
  const { form, values, set, field } = useFormValues({
    title: item?.title ?? '',
    happened: item?.happened ?? '',
    learned: item?.learned ?? '',
    nextTime: item?.nextTime ?? '',
    phase: item?.phase ?? project.phase,
    focusAreaKeys: (item ?? project).focusAreas.map((f) => f.key),
    shareable: item?.shareable ?? false,
  });
  // A key the lesson has that the strategy in force no longer has stays choosable, with the title it was given.
  const choices = [...focusAreas, ...(item?.focusAreas ?? project.focusAreas).filter((f) => !focusAreas.some((a) => a.key === f.key))];
  const labels = {
    title: t.title,
    happened: t.happened,
    learned: t.learned,
    nextTime: t.nextTime,
    phase: t.phase,
    focusAreaKeys: t.focusAreas,
    shareable: t.shareable,
  };
  return (
    <SaveForm
      form={form}
      save={{
        item,
        create: { schema: LessonInputSchema, path: projectLessonsApi(project.id) },
        update: { schema: LessonUpdateSchema, path: `/project-lessons/${item?.id}` },
        input: values,
        labels,
        done: (lesson: Lesson) => onDone(lesson),
      }}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField {...field('title', t.title)} required />
      <TextField {...field('happened', t.happened)} multiline rows={3} required />
      <TextField {...field('learned', t.learned)} multiline rows={3} required />
      <TextField {...field('nextTime', t.nextTime)} multiline rows={3} />
      <OptionSelect {...field('phase', t.phase)} options={optionsOf(PHASES, pm.phases)} required />
      <CheckboxGroup
        form={form}
        name="focusAreaKeys"
        legend={t.focusAreas}
        description={choices.length > 0 ? t.focusAreasDescription : t.noFocusAreas}
        options={choices.map((a) => ({ value: a.key, label: a.title }))}
        chosen={values.focusAreaKeys}
        onChange={(focusAreaKeys) => set({ focusAreaKeys })}
      />
      <Checkbox
        id={form.id('shareable')}
        label={t.shareable}
        description={t.shareableDescription}
        checked={values.shareable}
        onChange={(e) => set({ shareable: e.target.checked })}
      />
    </SaveForm>
  );
}
