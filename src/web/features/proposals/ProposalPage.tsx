import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Heading, Paragraph, Radio, Table } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import {
  AssessmentInputSchema,
  CRITERIA,
  SCORED_CRITERIA,
  TRIAGE_STATUSES,
  TriageSchema,
  type Proposal,
  type WeightsAnswer,
} from '../../../shared/portfolio/proposals.ts';
import { api, useApi, type Loaded } from '../../app/api.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { parseReference } from '../../../shared/portfolio/references.ts';
import { errorFor, SuccessMessage, TextField, useForm, ChoiceGroup } from '../../app/forms.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { useNavigationMessage } from '../../app/kit.tsx';
import { OptionSelect, optionsOf, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { ConfirmDialog } from '../../app/confirm-dialog.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useRecordTitle } from '../../app/loaded-record.tsx';
import { useRecordAtAddress } from '../../app/reference-address.ts';
import { useNetwork } from '../../app/network-frame.tsx';
import { RelatedLessons } from '../lessons/index.ts';
import { AppLink, ButtonRow, LoadState, ScrollRegion, Section } from '../../app/ui.tsx';
import { useProjectMessages, projectPath } from '../projects/index.ts';
import { useProposalMessages } from './messages.ts';
import { ProposalStatusTag } from './ProposalFields.tsx';
import { currentMembers, proposalsPath, useFocusAreas, type FocusAreaOption } from './proposals-api.ts';
import './proposals.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { HeadRow } from '../../app/table.tsx';

/** `/n/:slug/forslag/:id` (or its reference, `…/F-2026-014`): one proposal with everything it says; the secretariat sets its status and assesses it. */
export function ProposalPage() {
  const pm = useProposalMessages();
  const { id = '' } = useParams();
  const network = useNetwork();
  const proposal = useRecordAtAddress<Proposal>(id, {
    isReference: parseReference('proposal', id) !== null,
    byId: `/proposals/${encodeURIComponent(id)}`,
    byReference: `/networks/${network.id}/proposals/by-reference/${id}`,
  });
  const title = useRecordTitle(proposal, (r) => fmt(pm.proposal.title, { reference: r.reference, title: r.title }));
  return (
    <Page title={title}>
      <Paragraph>
        <AppLink to={proposalsPath(network.slug)}>{fmt(pm.proposal.back, { name: network.name })}</AppLink>
      </Paragraph>
      <LoadState loaded={proposal}>{(p) => <ProposalView network={network} proposal={p} loaded={proposal} />}</LoadState>
    </Page>
  );
}

function ProposalView({ network, proposal, loaded }: { network: NetworkOverview; proposal: Proposal; loaded: Loaded<Proposal> }) {
  const pm = useProposalMessages();
  const { dateTime } = useI18n();
  const admin = useNetworkCapabilities(network.id).administer;
  const members = currentMembers(network);
  const focusAreas = useFocusAreas(network.slug);
  const weights = useApi<WeightsAnswer>(`/networks/${network.id}/proposal-weights`);
  const p = pm.proposal;
  const texts = [
    { key: 'problem', heading: p.problem, text: proposal.problem },
    { key: 'affected', heading: p.affected, text: proposal.affected },
    { key: 'expectedBenefit', heading: p.expectedBenefit, text: proposal.expectedBenefit },
  ];
  return (
    <div className="dr-stack">
      <SuccessMessage message={useNavigationMessage()} />
      <Section id="proposal-facts" title={p.facts} className="dr-stack">
        <dl className="dr-facts">
          <dt>{p.reference}</dt>
          <dd>{proposal.reference}</dd>
          <dt>{p.kind}</dt>
          <dd>{pm.kinds[proposal.kind]}</dd>
          <dt>{p.status}</dt>
          <dd>
            <ProposalStatusTag status={proposal.status} />
          </dd>
          {proposal.statusReason && (
            <>
              <dt>{p.statusReason}</dt>
              <dd className="dr-proposal-text">{proposal.statusReason}</dd>
            </>
          )}
          <dt>{p.rank}</dt>
          <dd>
            {proposal.rank !== null ? fmt(p.rankValue, { rank: proposal.rank }) : proposal.assessment ? p.notRanked : pm.list.notAssessed}
          </dd>
          <dt>{p.focusArea}</dt>
          <dd>{proposal.focusAreaTitle ?? p.none}</dd>
          <dt>{p.municipalities}</dt>
          <dd>
            {proposal.municipalities.length === 0
              ? p.noMunicipalities
              : `${proposal.municipalities.map((x) => x.name).join(', ')} (${fmt(pm.list.municipalitiesOf, {
                  count: proposal.municipalities.length,
                  total: members.length,
                })})`}
          </dd>
          <dt>{p.submitter}</dt>
          <dd>{proposal.submitter.name}</dd>
          {proposal.submitter.email && (
            <>
              <dt>{p.submitterEmail}</dt>
              <dd>
                <a href={`mailto:${proposal.submitter.email}`}>{proposal.submitter.email}</a>
              </dd>
            </>
          )}
          {proposal.submitter.municipalityName && (
            <>
              <dt>{p.submitterMunicipality}</dt>
              <dd>{proposal.submitter.municipalityName}</dd>
            </>
          )}
          <dt>{p.channel}</dt>
          <dd>{pm.channels[proposal.channel]}</dd>
          <dt>{p.submittedAt}</dt>
          <dd>{dateTime(proposal.submittedAt)}</dd>
        </dl>
      </Section>
      {texts.map((t) => (
        <section key={t.key} className="dr-stack" aria-labelledby={`proposal-${t.key}`}>
          <Heading level={2} data-size="sm" id={`proposal-${t.key}`}>
            {t.heading}
          </Heading>
          <Paragraph className="dr-proposal-text">{t.text ?? p.none}</Paragraph>
        </section>
      ))}

      <ScoreSection proposal={proposal} weights={weights} memberCount={members.length} />

      <RelatedLessons
        networkId={network.id}
        networkSlug={network.slug}
        focusArea={proposal.focusAreaKey ? { key: proposal.focusAreaKey, title: proposal.focusAreaTitle ?? proposal.focusAreaKey } : null}
      />

      {admin && proposal.status === 'prioritized' && <MakeProjectSection network={network} proposal={proposal} loaded={loaded} />}

      {admin && (
        <>
          <TriageSection proposal={proposal} loaded={loaded} />
          <AssessmentSection proposal={proposal} loaded={loaded} focusAreas={focusAreas} weights={weights} />
        </>
      )}
    </div>
  );
}

/** The secretariat makes a project of a prioritized proposal and goes to it; the proposal becomes «ble prosjekt». */
function MakeProjectSection({ network, proposal, loaded }: { network: NetworkOverview; proposal: Proposal; loaded: Loaded<Proposal> }) {
  const prm = useProjectMessages();
  const t = prm.fromProposal;
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <Section id="proposal-project" title={t.heading}>
      <Paragraph>{t.intro}</Paragraph>
      <ButtonRow>
        <Button type="button" onClick={() => setOpen(true)}>
          {t.create}
        </Button>
      </ButtonRow>
      <ConfirmDialog
        item={open ? proposal : null}
        title={t.create}
        onClose={() => setOpen(false)}
        onReload={() => {
          setOpen(false);
          loaded.reload();
        }}
        onConfirm={async (x) => {
          const created = await api<Project>(`/networks/${network.id}/projects`, {
            method: 'POST',
            body: {
              title: x.title,
              description: x.problem,
              focusAreaKeys: x.focusAreaKey ? [x.focusAreaKey] : [],
              proposalId: x.id,
            },
          });
          setOpen(false);
          void navigate(projectPath(network.slug, created.id), { state: { message: fmt(t.created, { reference: created.reference }) } });
        }}
      >
        {(x) => <Paragraph>{fmt(t.confirm, { title: x.title })}</Paragraph>}
      </ConfirmDialog>
    </Section>
  );
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The total as the server computed it, each criterion's value, and how the weights make one of the other. */
function ScoreSection({ proposal, weights, memberCount }: { proposal: Proposal; weights: Loaded<WeightsAnswer>; memberCount: number }) {
  const pm = useProposalMessages();
  const { number, date } = useI18n();
  const r = pm.result;
  const a = proposal.assessment;
  return (
    <Section id="proposal-score" title={r.heading}>
      {!a ? (
        <Paragraph>{r.notAssessed}</Paragraph>
      ) : (
        <LoadState loaded={weights}>
          {(w) => {
            const sum = CRITERIA.reduce((s, c) => s + w[c], 0);
            return (
              <>
                <ScrollRegion label={fmt(r.caption, { reference: proposal.reference })}>
                  <Table>
                    <caption>{fmt(r.caption, { reference: proposal.reference })}</caption>
                    <HeadRow cells={[r.criterion, r.value, r.weight, r.contribution]} />
                    <Table.Body>
                      {CRITERIA.map((c) => (
                        <Table.Row key={c}>
                          <Table.HeaderCell scope="row">{pm.criteria[c]}</Table.HeaderCell>
                          <Table.Cell className="dr-proposal-number">{number(round2(a.values[c]))}</Table.Cell>
                          <Table.Cell className="dr-proposal-number">{w[c]}</Table.Cell>
                          <Table.Cell className="dr-proposal-number">
                            {sum === 0 ? '–' : number(round2((w[c] * a.values[c]) / sum))}
                          </Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                    <Table.Foot>
                      <Table.Row>
                        <Table.HeaderCell scope="row" colSpan={3}>
                          {r.total}
                        </Table.HeaderCell>
                        <Table.Cell className="dr-proposal-number">
                          <strong>{number(a.total)}</strong>
                        </Table.Cell>
                      </Table.Row>
                    </Table.Foot>
                  </Table>
                </ScrollRegion>
                <Paragraph data-size="sm">{fmt(r.explanation, { sum })}</Paragraph>
                <Paragraph data-size="sm">{fmt(r.municipalitiesRule, { members: memberCount })}</Paragraph>
                <Paragraph data-size="sm" className="dr-muted">
                  {a.assessedBy
                    ? fmt(r.assessedBy, { date: date(a.assessedAt), name: a.assessedBy })
                    : fmt(r.assessedAt, { date: date(a.assessedAt) })}
                </Paragraph>
                {a.note && (
                  <>
                    <Heading level={3} data-size="xs">
                      {r.note}
                    </Heading>
                    <Paragraph className="dr-proposal-text">{a.note}</Paragraph>
                  </>
                )}
              </>
            );
          }}
        </LoadState>
      )}
    </Section>
  );
}

/** The secretariat sets the status by hand; «ble prosjekt» is the project module's to set. */
function TriageSection({ proposal, loaded }: { proposal: Proposal; loaded: Loaded<Proposal> }) {
  const pm = useProposalMessages();
  const t = pm.triage;
  const { form, values, field } = useFormValues({
    status: proposal.status === 'becameProject' ? 'prioritized' : proposal.status,
    reason: proposal.statusReason ?? '',
  });
  return (
    <Section id="proposal-triage" title={t.heading}>
      {proposal.status === 'becameProject' ? (
        <Paragraph>{t.becameProject}</Paragraph>
      ) : (
        <SubmitForm
          form={form}
          labelledBy="proposal-triage"
          intro={<Paragraph data-size="sm">{t.intro}</Paragraph>}
          submit={{
            schema: TriageSchema,
            input: { ...values, version: proposal.version },
            labels: { status: t.status, reason: t.reason },
            send: sendTo<Proposal>(`/proposals/${proposal.id}/triage`, 'POST'),
            done: (saved) => {
              loaded.setData(saved);
              return fmt(t.saved, { status: pm.statuses[saved.status] });
            },
          }}
          submitLabel={t.save}
          onReload={loaded.reload}
        >
          <OptionSelect {...field('status', t.status)} options={optionsOf(TRIAGE_STATUSES, pm.statuses)} required />
          <TextField {...field('reason', t.reason, t.reasonDescription)} multiline rows={3} />
        </SubmitForm>
      )}
    </Section>
  );
}

const SCORES = [1, 2, 3, 4, 5] as const;
const FITS = [0, 1, 2, 3, 4, 5] as const;

/** Four scores as radio groups, a fit for each focus area, and a note; the answer carries the server's total. */
function AssessmentSection({
  proposal,
  loaded,
  focusAreas,
  weights,
}: {
  proposal: Proposal;
  loaded: Loaded<Proposal>;
  focusAreas: FocusAreaOption[];
  weights: Loaded<WeightsAnswer>;
}) {
  const pm = useProposalMessages();
  const { number } = useI18n();
  const s = pm.assessment;
  const form = useForm();
  const previous = proposal.assessment;
  const [scores, setScores] = useState<Record<string, number | undefined>>(() => ({ ...previous?.scores }));
  const [fit, setFit] = useState<Record<string, number>>(() => ({ ...previous?.focusAreaFit }));
  const [note, setNote] = useState(previous?.note ?? '');
  // Only the areas of the strategy in force can be scored (the server refuses any other key); a fit given to an
  // area a revision removed is not sent again.
  const areas = focusAreas;
  const labels: Record<string, string> = {
    ...Object.fromEntries(SCORED_CRITERIA.map((c) => [`scores.${c}`, pm.criteria[c]])),
    ...Object.fromEntries(areas.map((a) => [`focusAreaFit.${a.key}`, fmt(s.fitFor, { title: a.title })])),
    note: s.note,
  };
  return (
    <Section id="proposal-assessment" title={s.heading}>
      <SubmitForm
        form={form}
        labelledBy="proposal-assessment"
        intro={<Paragraph data-size="sm">{s.intro}</Paragraph>}
        submit={{
          schema: AssessmentInputSchema,
          input: {
            scores,
            focusAreaFit: Object.fromEntries(areas.map((a) => [a.key, fit[a.key] ?? 0])),
            note,
            version: proposal.version,
          },
          labels,
          send: sendTo<Proposal>(`/proposals/${proposal.id}/assessment`, 'PUT'),
          done: (saved) => {
            loaded.setData(saved);
            // The weights may have changed since the page was opened; the total was computed with the newest.
            weights.reload();
            return fmt(s.saved, { total: saved.assessment ? number(saved.assessment.total) : '–' });
          },
        }}
        submitLabel={s.save}
        onReload={loaded.reload}
      >
        {SCORED_CRITERIA.map((c) => {
          const name = `scores.${c}`;
          const invalid = !!errorFor(form, name);
          return (
            <ChoiceGroup key={c} form={form} name={name} legend={pm.criteria[c]} description={pm.criteriaDescriptions[c]}>
              <div className="dr-proposal-scale">
                {SCORES.map((n) => (
                  <Radio
                    key={n}
                    id={n === 1 ? form.id(name) : undefined}
                    name={form.id(name)}
                    value={String(n)}
                    label={fmt(n === 1 ? s.scoreLow : n === 5 ? s.scoreHigh : s.scoreN, { n })}
                    checked={scores[c] === n}
                    aria-invalid={invalid || undefined}
                    onChange={() => setScores((all) => ({ ...all, [c]: n }))}
                  />
                ))}
              </div>
            </ChoiceGroup>
          );
        })}
        <ChoiceGroup form={form} name="focusAreaFit" legend={s.fitHeading} description={areas.length > 0 ? s.fitIntro : s.noFocusAreas}>
          {areas.map((a) => (
            <OptionSelect
              key={a.key}
              state={form}
              name={`focusAreaFit.${a.key}`}
              label={fmt(s.fitFor, { title: a.title })}
              value={String(fit[a.key] ?? 0)}
              onChange={(v) => setFit((all) => ({ ...all, [a.key]: Number(v) }))}
              options={FITS.map((n) => ({ value: String(n), label: s.fitOptions[n] ?? '' }))}
            />
          ))}
        </ChoiceGroup>
        <TextField
          state={form}
          name="note"
          label={s.note}
          description={s.noteDescription}
          value={note}
          onChange={setNote}
          multiline
          rows={4}
        />
      </SubmitForm>
    </Section>
  );
}
