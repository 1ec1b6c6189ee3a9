import { useState } from 'react';
import { Button, Paragraph, Radio, Table } from '@digdir/designsystemet-react';
import { PARTICIPATION, ParticipationInputSchema, type Participation, type Project } from '../../../shared/portfolio/projects.ts';
import { api, type Loaded } from '../../app/api.ts';
import { errorFor, FormMessages, SubmitButton, SuccessMessage, TextField, useForm, ChoiceGroup } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useProjectCapabilities } from '../../app/capabilities.ts';
import { ButtonRow, ModalDialog, Section } from '../../app/ui.tsx';
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
  const { m } = useI18n();
  const pm = useProjectMessages();
  const t = pm.participants;
  const form = useForm();
  const [participation, setParticipation] = useState<Participation | ''>(participant.participation ?? '');
  const [reservation, setReservation] = useState(participant.reservation ?? '');
  const choice = fmt(t.choice, { name: participant.municipalityName });
  const invalid = !!errorFor(form, 'participation');
  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({
          schema: ParticipationInputSchema,
          input: {
            participation: participation || undefined,
            reservation,
            ...(participant.version === null ? {} : { version: participant.version }),
          },
          labels: { participation: t.participation, reservation: t.reservation },
          send: (body) => api<unknown>(`/projects/${projectId}/participants/${participant.municipalityNumber}`, { method: 'PUT', body }),
          done: onSaved,
        });
      }}
    >
      <FormMessages form={form} onReload={onReload} />
      <ChoiceGroup form={form} name="participation" legend={choice}>
        {PARTICIPATION.map((value, i) => (
          <Radio
            key={value}
            id={i === 0 ? form.id('participation') : undefined}
            name={form.id('participation')}
            value={value}
            label={pm.participation[value]}
            checked={participation === value}
            aria-invalid={invalid || undefined}
            onChange={() => setParticipation(value)}
          />
        ))}
      </ChoiceGroup>
      <TextField
        state={form}
        name="reservation"
        label={t.reservation}
        description={t.reservationDescription}
        value={reservation}
        onChange={setReservation}
        multiline
        rows={3}
      />
      <ButtonRow>
        <SubmitButton form={form}>{t.save}</SubmitButton>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
      </ButtonRow>
    </form>
  );
}
