import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import {
  ProgrammeCreateSchema,
  ProgrammeUpdateSchema,
  type Programme,
  type ProgrammeRollup,
} from '../../../shared/portfolio/programmes.ts';
import type { PortfolioRow, Project } from '../../../shared/portfolio/projects.ts';
import { api, asApiError, useApi, type ApiError } from '../../app/api.ts';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { useKroner } from '../../app/format.ts';
import { SelectField, SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { Page } from '../../app/Page.tsx';
import { NetworkTitledPage } from '../../app/network-titled-page.tsx';
import { DataTable, HeadRow } from '../../app/table.tsx';
import { AppLink, ButtonRow, LoadState, ModalDialog, ScrollRegion, Section } from '../../app/ui.tsx';
import { useFocusAreas, type FocusAreaOption } from '../proposals/index.ts';
import { useProjectMessages } from './messages.ts';
import { useProgrammeMessages } from './programme-messages.ts';
import { programmePath, programmesPath } from './programme-path.ts';
import { projectPath, projectsPath } from './projects-api.ts';
import { riskMapPath } from './risk-map-path.ts';
import { StatusLightTag } from './StatusLight.tsx';
import { PersonOptions } from './PersonOptions.tsx';
import { CheckboxGroup, useFormValues } from '../../app/fields.tsx';
import { SaveForm, useNavigationMessage } from '../../app/kit.tsx';
import { LoadedRecord } from '../../app/loaded-record.tsx';
import './projects.css';

/** `/n/:slug/prosjekter/programmer`: the network's programmes, and a new one for the secretariat. */
export function ProgrammesPage() {
  const gm = useProgrammeMessages();
  return <NetworkTitledPage title={gm.listTitle}>{(network) => <ProgrammeList network={network} />}</NetworkTitledPage>;
}

function ProgrammeList({ network }: { network: NetworkOverview }) {
  const gm = useProgrammeMessages();
  const navigate = useNavigate();
  const admin = useNetworkCapabilities(network.id).writePortfolio;
  const focusAreas = useFocusAreas(network.slug);
  const list = useApi<Programme[]>(`/networks/${network.id}/programmes`);
  const [open, setOpen] = useState(false);
  return (
    <div className="dr-stack">
      <SuccessMessage message={useNavigationMessage()} />
      <Paragraph>
        <AppLink to={projectsPath(network.slug)}>{gm.backToPortfolio}</AppLink>
      </Paragraph>
      <Paragraph>{gm.listIntro}</Paragraph>
      {admin && (
        <ButtonRow>
          <Button type="button" onClick={() => setOpen(true)}>
            {gm.newProgramme}
          </Button>
        </ButtonRow>
      )}
      <LoadState loaded={list}>
        {(programmes) =>
          programmes.length === 0 ? (
            <Paragraph>{gm.none}</Paragraph>
          ) : (
            <DataTable caption={fmt(gm.caption, { name: network.name })} columns={[gm.name, gm.owner, gm.focusAreas, gm.projectCount]}>
              {programmes.map((p) => (
                <Table.Row key={p.id}>
                  <Table.HeaderCell scope="row">
                    <AppLink to={programmePath(network.slug, p.id)}>{p.name}</AppLink>
                  </Table.HeaderCell>
                  <Table.Cell>{p.owner?.name ?? '–'}</Table.Cell>
                  <Table.Cell>{p.focusAreas.map((a) => a.title).join(', ') || '–'}</Table.Cell>
                  <Table.Cell className="dr-project-number">{p.projectCount}</Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
          )
        }
      </LoadState>
      {admin && (
        <ModalDialog open={open} onClose={() => setOpen(false)} title={gm.newProgramme}>
          <ProgrammeForm
            network={network}
            focusAreas={focusAreas}
            onCancel={() => setOpen(false)}
            onSaved={(created) => {
              setOpen(false);
              void navigate(programmePath(network.slug, created.id), { state: { message: fmt(gm.created, { name: created.name }) } });
            }}
          />
        </ModalDialog>
      )}
    </div>
  );
}

/** The programme's own fields: new (POST) or changed under its version (PATCH). */
function ProgrammeForm({
  network,
  focusAreas,
  programme,
  onSaved,
  onCancel,
}: {
  network: NetworkOverview;
  focusAreas: FocusAreaOption[];
  programme?: ProgrammeRollup;
  onSaved: (programme: ProgrammeRollup) => void;
  onCancel: () => void;
}) {
  const gm = useProgrammeMessages();
  const { form, values, set, field } = useFormValues({
    name: programme?.name ?? '',
    ownerPersonId: programme?.owner?.personId ?? '',
    purpose: programme?.purpose ?? '',
    focusAreaKeys: programme?.focusAreas.map((a) => a.key) ?? [],
  });
  const areas = [...focusAreas, ...(programme?.focusAreas.filter((a) => !focusAreas.some((f) => f.key === a.key)) ?? [])];
  return (
    <SaveForm
      form={form}
      save={{
        item: programme,
        create: { schema: ProgrammeCreateSchema, path: `/networks/${network.id}/programmes` },
        update: { schema: ProgrammeUpdateSchema, path: `/programmes/${programme?.id}` },
        input: { ...values, ownerPersonId: values.ownerPersonId || null, purpose: values.purpose || null },
        labels: { name: gm.name, ownerPersonId: gm.owner, purpose: gm.purpose, focusAreaKeys: gm.focusAreas },
        done: onSaved,
      }}
      submitLabel={programme ? gm.save : gm.create}
      onCancel={onCancel}
    >
      <TextField {...field('name', gm.name)} required />
      <SelectField {...field('ownerPersonId', gm.owner)}>
        <PersonOptions networkId={network.id} noneLabel={gm.noOwner} />
      </SelectField>
      <TextField {...field('purpose', gm.purpose)} multiline rows={4} />
      <CheckboxGroup
        form={form}
        name="focusAreaKeys"
        legend={gm.focusAreas}
        description={areas.length > 0 ? gm.focusAreasDescription : gm.noFocusAreas}
        className="dr-project-checkboxes"
        options={areas.map((a) => ({ value: a.key, label: a.title }))}
        chosen={values.focusAreaKeys}
        onChange={(focusAreaKeys) => set({ focusAreaKeys })}
      />
    </SaveForm>
  );
}

/**
 * `/n/:slug/prosjekter/programmer/:id`: a programme and the roll-up of its projects: their lights, the figures of their
 * latest published reports summed, their open threats and opportunities with the highest scored, and their benefits.
 * The secretariat changes it, puts projects in and takes them out, and deletes it once it has none.
 */
export function ProgrammePage() {
  const gm = useProgrammeMessages();
  const network = useNetwork();
  const { id = '' } = useParams();
  const loaded = useApi<ProgrammeRollup>(`/programmes/${id}`);
  return (
    <Page title={fmt(gm.title, { name: loaded.data?.name ?? '' })}>
      <LoadedRecord loaded={loaded}>{(view) => <ProgrammeView network={network} {...view} />}</LoadedRecord>
    </Page>
  );
}

function ProgrammeView({
  network,
  record: programme,
  onChange,
  onReload,
}: {
  network: NetworkOverview;
  record: ProgrammeRollup;
  onChange: (programme: ProgrammeRollup) => void;
  onReload: () => void;
}) {
  const gm = useProgrammeMessages();
  const pm = useProjectMessages();
  const kroner = useKroner();
  const { date, m } = useI18n();
  const navigate = useNavigate();
  const admin = useNetworkCapabilities(network.id).writePortfolio;
  const focusAreas = useFocusAreas(network.slug);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [message, setMessage] = useState(useNavigationMessage());
  const [failure, setFailure] = useState<ApiError | null>(null);
  const money = (value: number | null) => (value === null ? gm.notReported : kroner(value));

  /** A project joins or leaves through its own update, under its version. */
  const move = async (projectId: string, programmeId: string | null) => {
    setFailure(null);
    try {
      const project = await api<Project>(`/projects/${projectId}`);
      await api<Project>(`/projects/${projectId}`, { method: 'PATCH', body: { programmeId, version: project.version } });
      onReload();
    } catch (error) {
      setFailure(asApiError(error));
    }
  };
  const remove = async () => {
    setFailure(null);
    try {
      await api(`/programmes/${programme.id}?version=${programme.version}`, { method: 'DELETE' });
      void navigate(programmesPath(network.slug), { state: { message: gm.removed } });
    } catch (error) {
      setRemoving(false);
      setFailure(asApiError(error));
    }
  };

  return (
    <div className="dr-stack">
      <SuccessMessage message={message} />
      {failure && (
        <Alert data-color="danger">
          <Paragraph>{Object.values(failure.fields)[0] ?? failure.message}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        <AppLink to={programmesPath(network.slug)}>{gm.backToList}</AppLink>
      </Paragraph>
      {programme.purpose && <Paragraph>{programme.purpose}</Paragraph>}
      <dl className="dr-facts">
        <dt>{gm.owner}</dt>
        <dd>{programme.owner?.name ?? '–'}</dd>
        <dt>{gm.focusAreas}</dt>
        <dd>{programme.focusAreas.map((a) => a.title).join(', ') || '–'}</dd>
      </dl>
      {admin && (
        <ButtonRow>
          <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
            {gm.edit}
          </Button>
          <Button type="button" variant="tertiary" onClick={() => setRemoving(true)}>
            {gm.remove}
          </Button>
        </ButtonRow>
      )}

      <Section id="programme-projects" title={gm.projects}>
        <Paragraph>{fmt(gm.lightCounts, programme.lights)}</Paragraph>
        {programme.projects.length === 0 ? (
          <Paragraph>{gm.noProjects}</Paragraph>
        ) : (
          <ScrollRegion label={fmt(gm.projectsCaption, { name: programme.name })}>
            <Table zebra>
              <caption>{fmt(gm.projectsCaption, { name: programme.name })}</caption>
              <HeadRow
                cells={[gm.reference, gm.project, gm.phase, gm.status, gm.budget, gm.spent, gm.forecast, admin && m.common.actions]}
              />
              <Table.Body>
                {programme.projects.map((p) => (
                  <Table.Row key={p.id}>
                    <Table.Cell className="dr-project-nowrap">{p.reference}</Table.Cell>
                    <Table.HeaderCell scope="row">
                      <AppLink to={projectPath(network.slug, p.id)}>{p.title}</AppLink>
                    </Table.HeaderCell>
                    <Table.Cell>{pm.phases[p.phase]}</Table.Cell>
                    <Table.Cell>
                      {p.status ? (
                        <span className="dr-project-status">
                          <StatusLightTag light={p.status.overall} /> <span className="dr-project-nowrap">{p.status.periodLabel}</span>
                        </span>
                      ) : (
                        <span className="dr-muted">{gm.noStatus}</span>
                      )}
                    </Table.Cell>
                    <Table.Cell className="dr-project-number">{money(p.budget)}</Table.Cell>
                    <Table.Cell className="dr-project-number">{money(p.spent)}</Table.Cell>
                    <Table.Cell className="dr-project-number">{money(p.forecast)}</Table.Cell>
                    {admin && (
                      <Table.Cell>
                        <Button
                          type="button"
                          variant="tertiary"
                          data-size="sm"
                          aria-label={fmt(gm.removeProject, { title: p.title })}
                          onClick={() => void move(p.id, null)}
                        >
                          {gm.removeProjectShort}
                        </Button>
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
              <tfoot>
                <Table.Row>
                  <Table.HeaderCell scope="row" colSpan={4}>
                    {gm.total}
                  </Table.HeaderCell>
                  <Table.Cell className="dr-project-number">{kroner(programme.figures.budget)}</Table.Cell>
                  <Table.Cell className="dr-project-number">{kroner(programme.figures.spent)}</Table.Cell>
                  <Table.Cell className="dr-project-number">{kroner(programme.figures.forecast)}</Table.Cell>
                  {admin && <Table.Cell />}
                </Table.Row>
              </tfoot>
            </Table>
          </ScrollRegion>
        )}
        <Paragraph data-size="sm">
          {fmt(gm.figuresIntro, { reporting: programme.figures.reporting, count: programme.projects.length })}
        </Paragraph>
        {admin && <AddProject network={network} programme={programme} onAdd={(projectId) => move(projectId, programme.id)} />}
      </Section>

      <Section id="programme-risks" title={gm.risks}>
        <Paragraph>
          {fmt(gm.riskCounts, { threats: programme.risks.threat.open, opportunities: programme.risks.opportunity.open })}
        </Paragraph>
        {(['threat', 'opportunity'] as const).map((kind) => {
          const entries = programme.risks[kind].highest;
          const caption = kind === 'threat' ? gm.highestThreats : gm.highestOpportunities;
          return entries.length === 0 ? (
            <Paragraph key={kind}>
              {caption}: {gm.noneOpen}
            </Paragraph>
          ) : (
            <DataTable key={kind} caption={caption} columns={[gm.description, gm.project, gm.score]}>
              {entries.map((e) => (
                <Table.Row key={e.id}>
                  <Table.HeaderCell scope="row">{e.description}</Table.HeaderCell>
                  <Table.Cell>
                    <AppLink to={projectPath(network.slug, e.project.id)}>{e.project.title}</AppLink>
                  </Table.Cell>
                  <Table.Cell className="dr-project-number">
                    {e.probabilityBefore} × {e.consequenceBefore} = {e.scoreBefore}
                  </Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
          );
        })}
        <Paragraph>
          <AppLink to={riskMapPath(network.slug, `?program=${programme.id}`)}>{gm.riskMapLink}</AppLink>
        </Paragraph>
      </Section>

      <Section id="programme-benefits" title={gm.benefits}>
        {programme.benefits.length === 0 ? (
          <Paragraph>{gm.noBenefits}</Paragraph>
        ) : (
          <DataTable caption={gm.benefits} columns={[gm.benefit, gm.project, gm.achievement, gm.lastMeasured]}>
            {programme.benefits.map((b) => (
              <Table.Row key={b.id}>
                <Table.HeaderCell scope="row">{b.title}</Table.HeaderCell>
                <Table.Cell>
                  <AppLink to={`${projectPath(network.slug, b.project.id)}/nytte`}>{b.project.title}</AppLink>
                </Table.Cell>
                <Table.Cell className="dr-project-number">
                  {b.achievement === null ? gm.notMeasured : `${Math.round(b.achievement * 100)} %`}
                </Table.Cell>
                <Table.Cell>{b.lastMeasuredOn ? date(b.lastMeasuredOn) : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </Section>

      {admin && (
        <>
          <ModalDialog open={editing} onClose={() => setEditing(false)} title={gm.edit}>
            <ProgrammeForm
              network={network}
              focusAreas={focusAreas}
              programme={programme}
              onCancel={() => setEditing(false)}
              onSaved={(saved) => {
                setEditing(false);
                setMessage(gm.saved);
                onChange(saved);
              }}
            />
          </ModalDialog>
          <ModalDialog open={removing} onClose={() => setRemoving(false)} title={gm.remove}>
            <Paragraph>{fmt(gm.removeConfirm, { name: programme.name })}</Paragraph>
            <ButtonRow>
              <Button type="button" data-color="danger" onClick={() => void remove()}>
                {gm.remove}
              </Button>
              <Button type="button" variant="tertiary" onClick={() => setRemoving(false)}>
                {m.common.cancel}
              </Button>
            </ButtonRow>
          </ModalDialog>
        </>
      )}
    </div>
  );
}

/** The network's projects not in this programme (one in another programme says which), to put one in. */
function AddProject({
  network,
  programme,
  onAdd,
}: {
  network: NetworkOverview;
  programme: ProgrammeRollup;
  onAdd: (projectId: string) => Promise<void>;
}) {
  const gm = useProgrammeMessages();
  const rows = useApi<PortfolioRow[]>(`/networks/${network.id}/projects`);
  const [chosen, setChosen] = useState('');
  const candidates = (rows.data ?? []).filter((p) => p.programme?.id !== programme.id);
  const form = useForm();
  if (candidates.length === 0) return null;
  return (
    <form
      className="dr-toolbar"
      aria-label={gm.addProject}
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen) return;
        void onAdd(chosen).then(() => {
          setChosen('');
          rows.reload();
        });
      }}
    >
      <SelectField state={form} name="projectId" label={gm.addProjectField} value={chosen} onChange={setChosen}>
        <Select.Option value="">{gm.chooseProject}</Select.Option>
        {candidates.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {p.reference} {p.title}
            {p.programme ? ` ${fmt(gm.otherProgramme, { name: p.programme.name })}` : ''}
          </Select.Option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        {gm.add}
      </Button>
    </form>
  );
}
