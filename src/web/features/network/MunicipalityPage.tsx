import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import {
  MunicipalityUpdateSchema,
  WRITTEN_STANDARDS,
  type Municipality,
  type MunicipalityDetail,
  type WrittenStandard,
} from '../../../shared/network/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { SelectField, SuccessMessage, useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useMunicipalityCapabilities } from '../../app/capabilities.ts';
import { AppLink, ButtonRow, LoadState, ModalDialog, todayIso, Section } from '../../app/ui.tsx';
import { municipalityMappingPath, useMappingMessages } from '../mapping/index.ts';
import { MunicipalityPanelSection } from '../my-work/index.ts';
import { MunicipalityBenefitCurves } from '../benefits/index.ts';
import { MunicipalityCapacityWarning } from '../finance/index.ts';
import { DataTable } from '../../app/table.tsx';

/** `/kommuner/:number`: a municipality's facts, its networks, and its written standard. */
export function MunicipalityPage() {
  const { m } = useI18n();
  const { number = '' } = useParams();
  const loaded = useApi<MunicipalityDetail>(`/municipalities/${encodeURIComponent(number)}`);
  const title = loaded.data?.name ?? (loaded.error ? m.notFound.title : m.common.loading);
  return (
    <Page title={title}>
      <LoadState loaded={loaded}>{(x) => <MunicipalityView municipality={x} setData={loaded.setData} reload={loaded.reload} />}</LoadState>
    </Page>
  );
}

function MunicipalityView({
  municipality,
  setData,
  reload,
}: {
  municipality: MunicipalityDetail;
  setData: (x: MunicipalityDetail) => void;
  reload: () => void;
}) {
  const { m, number, date } = useI18n();
  const mappingTexts = useMappingMessages();
  // The mapping is read by those who read the internal pages of a network the municipality is in now.
  const capabilities = useMunicipalityCapabilities(municipality.number);
  const readsMapping = capabilities.readMapping;
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <div className="dr-stack">
      {municipality.validTo && <Paragraph>{fmt(m.municipality.formerName, { date: date(municipality.validTo) })}</Paragraph>}
      <dl className="dr-facts" aria-label={m.municipality.facts}>
        <dt>{m.municipality.number}</dt>
        <dd>{municipality.number}</dd>
        <dt>{m.municipality.county}</dt>
        <dd>{municipality.countyName}</dd>
        <dt>{m.municipality.population}</dt>
        <dd>
          {fmt(m.municipality.populationValue, { population: number(municipality.population), year: String(municipality.populationYear) })}
          <br />
          <span className="dr-muted">{m.municipality.source}</span>
        </dd>
        <dt>{m.municipality.writtenStandard}</dt>
        <dd>{municipality.writtenStandard ? m.enums.writtenStandards[municipality.writtenStandard] : m.municipality.notSet}</dd>
      </dl>
      {readsMapping && (
        <Paragraph>
          <AppLink to={municipalityMappingPath(municipality.number)}>{mappingTexts.municipality.linkFromMunicipality}</AppLink>
        </Paragraph>
      )}
      <SuccessMessage message={status} />
      {capabilities.edit && (
        <ButtonRow>
          <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
            {m.municipality.editWrittenStandard}
          </Button>
        </ButtonRow>
      )}
      <Section id="networks-heading" title={m.municipality.networksHeading}>
        {municipality.networks.length === 0 ? (
          <Paragraph>{m.municipality.noNetworks}</Paragraph>
        ) : (
          <DataTable
            caption={fmt(m.municipality.networksCaption, { name: municipality.name })}
            columns={[m.municipality.network, m.municipality.joined, m.municipality.left, m.network.status]}
          >
            {municipality.networks.map((n) => (
              <Table.Row key={`${n.id}-${n.joinedOn}`}>
                <Table.Cell>
                  <AppLink to={`/n/${n.slug}`}>{n.name}</AppLink>
                </Table.Cell>
                <Table.Cell>{date(n.joinedOn)}</Table.Cell>
                <Table.Cell>{date(n.leftOn)}</Table.Cell>
                <Table.Cell>
                  <span className="dr-tags">
                    {n.isHost && (
                      <Tag data-color="accent" data-size="sm">
                        {m.municipality.host}
                      </Tag>
                    )}
                    {n.leftOn && n.leftOn <= todayIso() ? (
                      <Tag data-color="neutral" data-size="sm">
                        {m.network.former}
                      </Tag>
                    ) : (
                      <span>{m.network.current}</span>
                    )}
                  </span>
                </Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </Section>
      <MunicipalityPanelSection number={municipality.number} />
      <MunicipalityBenefitCurves number={municipality.number} name={municipality.name} />
      <MunicipalityCapacityWarning number={municipality.number} name={municipality.name} />
      <ModalDialog open={editing} onClose={() => setEditing(false)} title={m.municipality.editWrittenStandard}>
        <WrittenStandardForm
          municipality={municipality}
          onReload={() => {
            setEditing(false);
            reload();
          }}
          onSaved={(x) => {
            setEditing(false);
            setData({ ...municipality, ...x });
            setStatus(m.common.saved);
          }}
        />
      </ModalDialog>
    </div>
  );
}

function WrittenStandardForm({
  municipality,
  onSaved,
  onReload,
}: {
  municipality: MunicipalityDetail;
  onSaved: (x: Municipality) => void;
  onReload: () => void;
}) {
  const { m } = useI18n();
  const form = useForm();
  const [value, setValue] = useState<string>(municipality.writtenStandard ?? '');
  const labels = { writtenStandard: m.municipality.writtenStandard };
  return (
    <SubmitForm
      form={form}
      onReload={onReload}
      submitLabel={m.common.save}
      submit={{
        schema: MunicipalityUpdateSchema,
        input: { writtenStandard: value === '' ? null : (value as WrittenStandard), version: municipality.version },
        labels,
        send: (body) => api<Municipality>(`/municipalities/${municipality.number}`, { method: 'PATCH', body }),
        done: onSaved,
      }}
    >
      <SelectField state={form} name="writtenStandard" label={labels.writtenStandard} value={value} onChange={setValue}>
        <Select.Option value="">{m.municipality.notSet}</Select.Option>
        {WRITTEN_STANDARDS.map((w) => (
          <Select.Option key={w} value={w}>
            {m.enums.writtenStandards[w]}
          </Select.Option>
        ))}
      </SelectField>
    </SubmitForm>
  );
}
