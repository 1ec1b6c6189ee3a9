import { useState } from 'react';
import { Paragraph, Table } from '@digdir/designsystemet-react';
import { PARTICIPATION, ParticipationInputSchema, type Project } from '../../../shared/portfolio/projects.ts';
import { type Loaded } from '../../app/api.ts';
import { sendTo } from '../../app/form-parts.tsx';
import { SuccessMessage, TextField } from '../../app/forms.tsx';
import { RadioGroup, useFormValues } from '../../app/fields.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useProjectCapabilities } from '../../app/capabilities.ts';
import { ModalDialog, Section } from '../../app/ui.tsx';
import { useProjectMessages } from './messages.ts';
import { RowAction, DataTable } from '../../app/table.tsx';

type Participant = Project['participants'][number];

/** Each member municipality in or out, with its reservation; its editor or the secretariat changes it. */
export function Participants({ project, loaded }: { project: Project; loaded: Loaded<Project> }) {
  const { m } = useI18n();
  const pm = useProjectMessages();
  const t = pm.participants;
  const [editing, setEditing] = useState<Participant | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const answersFor = useProjectCapabilities(project.id).answersFor;
  const mayEdit = (x: Participant) => answersFor.includes(x.municipalityNumber);
  const anyEditable = project.participants.some(mayEdit);
  const close = () => setEditing(null);
  return (
    <Section id="project-participants" title={t.heading}>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <SuccessMessage message={status} />
      <DataTable
        caption={fmt(t.caption, { reference: project.reference })}
        columns={[t.municipality, t.participation, t.reservation, anyEditable && m.common.actions]}
      >
        {project.participants.map((x) => (
          <Table.Row key={x.municipalityNumber}>
            <Table.HeaderCell scope="row">{x.municipalityName}</Table.HeaderCell>
            <Table.Cell>
              {x.participation ? pm.participation[x.participation] : <span className="dr-muted">{t.notAnswered}</span>}
            </Table.Cell>
            <Table.Cell className="dr-project-text">{x.reservation ?? <span className="dr-muted">{t.noReservation}</span>}</Table.Cell>
            {anyEditable && (
              <Table.Cell>
                {mayEdit(x) && (
                  <RowAction label={fmt(t.editLabel, { name: x.municipalityName })} onClick={() => setEditing(x)}>
                    {t.edit}
                  </RowAction>
                )}
              </Table.Cell>
            )}
          </Table.Row>
        ))}
      </DataTable>
      <ModalDialog open={editing !== null} onClose={close} title={editing ? fmt(t.editTitle, { name: editing.municipalityName }) : ''}>
        {editing && (
          <ParticipationForm
            projectId={project.id}
            participant={editing}
            onCancel={close}
            onReload={() => {
              close();
              loaded.reload();
            }}
            onSaved={() => {
              close();
              setStatus(fmt(t.saved, { name: editing.municipalityName }));
              loaded.reload();
            }}
          />
        )}
      </ModalDialog>
    </Section>
  );
}

function ParticipationForm({
  projectId,
  participant,
  onSaved,
  onCancel,
  onReload,
}: {
  projectId: string;
  participant: Participant;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const pm = useProjectMessages();
  const t = pm.participants;
  const { form, values, set, field } = useFormValues({
    participation: participant.participation ?? ('' as const),
    reservation: participant.reservation ?? '',
  });
  return (
    <SubmitForm
      form={form}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
      submit={{
        schema: ParticipationInputSchema,
        input: {
          participation: values.participation || undefined,
          reservation: values.reservation,
          ...(participant.version === null ? {} : { version: participant.version }),
        },
        labels: { participation: t.participation, reservation: t.reservation },
        send: sendTo(`/projects/${projectId}/participants/${participant.municipalityNumber}`, 'PUT'),
        done: onSaved,
      }}
    >
      <RadioGroup
        form={form}
        name="participation"
        legend={fmt(t.choice, { name: participant.municipalityName })}
        options={PARTICIPATION.map((value) => ({ value, label: pm.participation[value] }))}
        value={values.participation}
        onChange={(participation) => set({ participation })}
      />
      <TextField {...field('reservation', t.reservation, t.reservationDescription)} multiline rows={3} />
    </SubmitForm>
  );
}
