import { useState } from 'react';
import { Fieldset, Heading, Paragraph, Radio, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import {
  ADOPTION_STATUSES,
  AdoptionInputSchema,
  DELIVERED_VIA,
  IN_USE_STATUSES,
  type Adoption,
  type MunicipalityMapping,
  type SharedSolution,
} from '../../../shared/mapping/schema.ts';
import { errorFor, SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { dialogHandlers, OptionSelect, optionsOf, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { ModalDialog, ScrollRegion, Section } from '../../app/ui.tsx';
import { municipalityAdoptionsExportUrl } from './mapping-api.ts';
import { useMappingMessages } from './messages.ts';
import { HeadRow, RowAction } from '../../app/table.tsx';
import type { DialogFormProps } from '../../app/kit.tsx';

type Row = MunicipalityMapping['adoptions'][number];
interface Group {
  owner: string;
  rows: { adoption: Row; solution: SharedSolution | undefined; name: string }[];
}

/** Every shared solution of the catalog, grouped by owner, with the municipality's status; edited one row at a time. */
export function AdoptionsSection({
  mapping,
  solutions,
  onSaved,
  reload,
}: {
  mapping: MunicipalityMapping;
  solutions: SharedSolution[];
  onSaved: (adoption: Adoption) => void;
  reload: () => void;
}) {
  const { m, date } = useI18n();
  const t = useMappingMessages();
  const d = t.adoptions;
  const [editing, setEditing] = useState<{ adoption: Row; name: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const byKey = new Map(solutions.map((s) => [s.key, s]));
  const groups: Group[] = [];
  for (const adoption of mapping.adoptions) {
    const solution = byKey.get(adoption.solutionKey);
    const owner = solution?.owner ?? '–';
    let group = groups.find((g) => g.owner === owner);
    if (!group) groups.push((group = { owner, rows: [] }));
    group.rows.push({ adoption, solution, name: solution?.name ?? adoption.solutionKey });
  }

  return (
    <Section id="adoptions-heading" title={d.heading}>
      <Paragraph>{d.intro}</Paragraph>
      <SuccessMessage message={status} />
      {groups.map((group) => (
        <div key={group.owner} className="dr-stack">
          <Heading level={3} data-size="sm">
            {fmt(d.ownerHeading, { owner: group.owner })}
          </Heading>
          <ScrollRegion label={fmt(d.caption, { owner: group.owner, name: mapping.municipalityName })}>
            <Table zebra data-size="sm" className="dr-adoption-table">
              <caption>{fmt(d.caption, { owner: group.owner, name: mapping.municipalityName })}</caption>
              <HeadRow cells={[d.solution, d.status, d.deliveredVia, d.since, d.note, mapping.canEdit && m.common.actions]} />
              <Table.Body>
                {group.rows.map(({ adoption, solution, name }) => (
                  <Table.Row key={adoption.solutionKey}>
                    <Table.HeaderCell scope="row">
                      {name}
                      {solution && (
                        <Paragraph data-size="xs" className="dr-muted">
                          {solution.purpose}
                        </Paragraph>
                      )}
                    </Table.HeaderCell>
                    <Table.Cell>
                      {adoption.status ? (
                        <Tag data-size="sm" data-color={IN_USE_STATUSES.includes(adoption.status) ? 'success' : 'neutral'}>
                          {t.adoptionStatuses[adoption.status]}
                        </Tag>
                      ) : (
                        <span className="dr-muted">{d.noStatus}</span>
                      )}
                    </Table.Cell>
                    <Table.Cell>{adoption.deliveredVia ? t.deliveredVia[adoption.deliveredVia] : m.common.none}</Table.Cell>
                    <Table.Cell className="dr-nowrap">{date(adoption.since)}</Table.Cell>
                    <Table.Cell>{adoption.note ?? m.common.none}</Table.Cell>
                    {mapping.canEdit && (
                      <Table.Cell>
                        <RowAction label={fmt(d.editLabel, { name })} onClick={() => setEditing({ adoption, name })}>
                          {d.edit}
                        </RowAction>
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </div>
      ))}
      <Downloads
        links={exportLinks((format) => municipalityAdoptionsExportUrl(mapping.municipalityNumber, format), {
          xlsx: d.exportXlsx,
          csv: d.exportCsv,
        })}
      />
      <ModalDialog open={editing !== null} onClose={() => setEditing(null)} title={editing ? fmt(d.editTitle, { name: editing.name }) : ''}>
        {editing && (
          <AdoptionForm
            municipalityNumber={mapping.municipalityNumber}
            adoption={editing.adoption}
            name={editing.name}
            {...dialogHandlers<Adoption>(
              () => setEditing(null),
              reload,
              (saved) => {
                onSaved(saved);
                setStatus(fmt(d.saved, { name: editing.name }));
              },
            )}
          />
        )}
      </ModalDialog>
    </Section>
  );
}

function AdoptionForm({
  municipalityNumber,
  adoption,
  name,
  onSaved,
  onCancel,
  onReload,
}: DialogFormProps<Adoption> & {
  municipalityNumber: string;
  adoption: Row;
  name: string;
}) {
  const { m } = useI18n();
  const t = useMappingMessages();
  const d = t.adoptions;
  const form = useForm();
  const [status, setStatus] = useState<string>(adoption.status ?? '');
  const [deliveredVia, setDeliveredVia] = useState<string>(adoption.deliveredVia ?? '');
  const [since, setSince] = useState(adoption.since ?? '');
  const [note, setNote] = useState(adoption.note ?? '');
  const legend = fmt(d.statusLegend, { name });
  const labels = { status: legend, deliveredVia: d.deliveredVia, since: d.since, note: d.note };
  const statusError = errorFor(form, 'status');
  const submit = () =>
    form.submit({
      schema: AdoptionInputSchema,
      input: {
        status: status === '' ? undefined : status,
        deliveredVia: deliveredVia === '' ? null : deliveredVia,
        since: since === '' ? null : since,
        note,
        ...(adoption.version === null ? {} : { version: adoption.version }),
      },
      labels,
      send: sendTo<Adoption>(`/municipalities/${municipalityNumber}/adoptions/${encodeURIComponent(adoption.solutionKey)}`, 'PUT'),
      done: onSaved,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={m.common.save} onCancel={onCancel} onReload={onReload}>
      <Fieldset>
        <Fieldset.Legend>{legend}</Fieldset.Legend>
        {ADOPTION_STATUSES.map((s, index) => (
          <Radio
            key={s}
            id={index === 0 ? form.id('status') : undefined}
            name="status"
            value={s}
            label={t.adoptionStatuses[s]}
            checked={status === s}
            aria-invalid={statusError ? true : undefined}
            onChange={() => setStatus(s)}
          />
        ))}
        {statusError && <ValidationMessage>{statusError}</ValidationMessage>}
      </Fieldset>
      <OptionSelect
        state={form}
        name="deliveredVia"
        label={d.deliveredVia}
        value={deliveredVia}
        onChange={setDeliveredVia}
        empty={t.common.notSet}
        options={optionsOf(DELIVERED_VIA, t.deliveredVia)}
      />
      <TextField state={form} name="since" label={d.since} description={d.sinceDescription} type="date" value={since} onChange={setSince} />
      <TextField state={form} name="note" label={d.note} value={note} onChange={setNote} multiline rows={2} />
    </SubmitForm>
  );
}
