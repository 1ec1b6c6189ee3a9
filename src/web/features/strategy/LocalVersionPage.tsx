import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import {
  LOCAL_DECISION_STATUSES,
  LocalVersionSaveSchema,
  STRATEGY_SECTIONS,
  type LocalDecisionStatus,
  type LocalVersion,
  type Strategy,
  type StrategySection,
  type StrategyVersion,
} from '../../../shared/strategy/schema.ts';
import { useApi } from '../../app/api.ts';
import { TextField, useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fieldBinder } from '../../app/fields.tsx';
import { OptionSelect, optionsOf, sendTo } from '../../app/form-parts.tsx';
import { Downloads } from '../../app/downloads.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { LoadState, Section } from '../../app/ui.tsx';
import { useStrategyMessages } from './messages.ts';
import { adoptionPath, localVersionExportUrl } from './strategy-api.ts';
import { DecisionTag, Paragraphs, StrategyDocument } from './StrategyDocument.tsx';
import { BackLink, StrategyFrame, usePageTitle, useStrategyFrame } from './StrategyFrame.tsx';
import './strategy.css';

/**
 * `/n/:slug/strategi/:strategyId/versjoner/:versionId/kommuner/:number`: a municipality's version of a published
 * version: the shared text of each section with the municipality's local adaptation under it, and the political
 * decision. The municipality's editors and the secretariat write it.
 */
export function LocalVersionPage() {
  const sm = useStrategyMessages();
  const { versionId = '', number = '' } = useParams();
  const { network, strategy } = useStrategyFrame();
  const version = useApi<StrategyVersion>(`/strategy-versions/${encodeURIComponent(versionId)}`);
  const local = useApi<LocalVersion>(`/strategy-versions/${encodeURIComponent(versionId)}/municipalities/${encodeURIComponent(number)}`);
  // A draft has no municipal versions (the server answers 404): the page names the version and says why.
  const draft = version.data !== undefined && version.data.status !== 'published';
  const title = usePageTitle(draft ? [network, strategy, version] : [network, strategy, version, local], () =>
    draft
      ? fmt(sm.version.title, { title: version.data?.strategyTitle ?? '', n: version.data?.number ?? '' })
      : fmt(sm.local.title, {
          title: version.data?.strategyTitle ?? '',
          n: version.data?.number ?? '',
          municipality: local.data?.municipalityName ?? '',
        }),
  );
  return (
    <StrategyFrame title={title} strategy={strategy}>
      {(n, s) => (
        <LoadState loaded={version}>
          {(v) =>
            v.status !== 'published' ? (
              <Alert data-color="warning">
                <Paragraph>{sm.local.draftOnly}</Paragraph>
              </Alert>
            ) : (
              <LoadState loaded={local}>
                {(l) => <LocalView network={n} strategy={s} version={v} local={l} onSaved={local.setData} onReload={local.reload} />}
              </LoadState>
            )
          }
        </LoadState>
      )}
    </StrategyFrame>
  );
}

function LocalView({
  network,
  strategy,
  version,
  local,
  onSaved,
  onReload,
}: {
  network: NetworkOverview;
  strategy: Strategy;
  version: StrategyVersion;
  local: LocalVersion;
  onSaved: (local: LocalVersion) => void;
  onReload: () => void;
}) {
  const sm = useStrategyMessages();
  const { date } = useI18n();
  const l = sm.local;
  const editable = useNetworkCapabilities(network.id).memberDataOf.includes(local.municipalityNumber);
  const d = local.decision;
  return (
    <div className="dr-stack">
      <BackLink to={adoptionPath(network.slug, strategy.id)}>{fmt(sm.common.back, { name: sm.strategy.adoptionLink })}</BackLink>
      <Paragraph>{l.intro}</Paragraph>
      <Downloads
        links={[
          { href: localVersionExportUrl(version.id, local.municipalityNumber, 'docx'), label: sm.common.downloadDocx },
          { href: localVersionExportUrl(version.id, local.municipalityNumber, 'pdf'), label: sm.common.downloadPdf },
        ]}
      />
      <Paragraph data-size="sm" className="dr-muted">
        {l.writtenStandard}
      </Paragraph>
      {editable ? (
        <LocalForm version={version} local={local} onSaved={onSaved} onReload={onReload} />
      ) : (
        <>
          <Section id="decision-heading" title={l.decisionHeading} className="dr-stack">
            <dl className="dr-facts">
              <dt>{l.status}</dt>
              <dd>
                <DecisionTag status={d.status} />
              </dd>
              <dt>{l.bodyName}</dt>
              <dd>{d.bodyName ?? sm.common.empty}</dd>
              <dt>{l.date}</dt>
              <dd>{d.date ? date(d.date) : sm.common.empty}</dd>
              <dt>{l.caseNumber}</dt>
              <dd>{d.caseNumber ?? sm.common.empty}</dd>
            </dl>
            <Paragraph data-size="sm" className="dr-muted">
              {l.readOnly}
            </Paragraph>
          </Section>
          <StrategyDocument
            content={version.content}
            level={2}
            id="local"
            extra={(section) => <LocalText section={section} text={local.localTexts[section]} municipality={local.municipalityName} />}
          />
        </>
      )}
    </div>
  );
}

/** The municipality's own text beside the shared one, labelled so it is never taken for the shared text. */
function LocalText({ section, text, municipality }: { section: StrategySection; text: string | undefined; municipality: string }) {
  const sm = useStrategyMessages();
  const id = `local-${section}`;
  return (
    <aside className="dr-strategy-local" aria-labelledby={id}>
      <Heading level={3} data-size="2xs" id={id}>
        {fmt(sm.local.localFor, { municipality })}
      </Heading>
      {text?.trim() ? <Paragraphs text={text} /> : <Paragraph className="dr-muted">{sm.local.noLocal}</Paragraph>}
    </aside>
  );
}

function textsOf(local: LocalVersion): Record<StrategySection, string> {
  const all = {} as Record<StrategySection, string>;
  for (const section of STRATEGY_SECTIONS) all[section] = local.localTexts[section] ?? '';
  return all;
}

/** The decision's fields as the form holds them: texts, an empty one for none. */
function decisionOf(local: LocalVersion) {
  const d = local.decision;
  return { status: d.status, bodyName: d.bodyName ?? '', date: d.date ?? '', caseNumber: d.caseNumber ?? '' };
}

function LocalForm({
  version,
  local,
  onSaved,
  onReload,
}: {
  version: StrategyVersion;
  local: LocalVersion;
  onSaved: (local: LocalVersion) => void;
  onReload: () => void;
}) {
  const sm = useStrategyMessages();
  const l = sm.local;
  const form = useForm();
  const [base, setBase] = useState(local.version);
  const [texts, setTexts] = useState(() => textsOf(local));
  const [decision, setDecision] = useState(() => decisionOf(local));
  const bind = fieldBinder(form, decision, (patch) => setDecision((d) => ({ ...d, ...patch })));

  // A reload after a refused save brings what someone else saved: show it instead of the stale fields.
  if (local.version !== base) {
    setBase(local.version);
    setTexts(textsOf(local));
    setDecision(decisionOf(local));
    form.reset();
  }

  const labels: Record<string, string> = {
    'decision.status': l.status,
    'decision.bodyName': l.bodyName,
    'decision.date': l.date,
    'decision.caseNumber': l.caseNumber,
  };
  for (const section of STRATEGY_SECTIONS) labels[`localTexts.${section}`] = fmt(l.localLabel, { section: sm.sections[section] });

  return (
    <SubmitForm
      form={form}
      className="dr-stack"
      label={fmt(l.localFor, { municipality: local.municipalityName })}
      submit={{
        schema: LocalVersionSaveSchema,
        input: {
          localTexts: texts,
          decision: { ...decision, date: decision.date === '' ? null : decision.date },
          ...(local.version !== null ? { version: local.version } : {}),
        },
        labels,
        send: sendTo<LocalVersion>(`/strategy-versions/${version.id}/municipalities/${local.municipalityNumber}`, 'PUT'),
        done: (next) => {
          setBase(next.version);
          onSaved(next);
          return l.saved;
        },
      }}
      submitLabel={l.save}
      onReload={onReload}
    >
      <Fieldset className="dr-form">
        <Fieldset.Legend>{l.decisionHeading}</Fieldset.Legend>
        <OptionSelect
          state={form}
          name="decision.status"
          label={l.status}
          value={decision.status}
          onChange={(value) => setDecision((d) => ({ ...d, status: value as LocalDecisionStatus }))}
          options={optionsOf(LOCAL_DECISION_STATUSES, sm.decisionStatuses)}
        />
        <TextField {...bind('bodyName', 'decision.bodyName')} label={l.bodyName} description={l.bodyNameDescription} />
        <TextField {...bind('date', 'decision.date')} label={l.date} type="date" />
        <TextField {...bind('caseNumber', 'decision.caseNumber')} label={l.caseNumber} description={l.caseNumberDescription} />
      </Fieldset>
      <StrategyDocument
        content={version.content}
        level={2}
        id="local"
        extra={(section) => (
          <div className="dr-strategy-local">
            <TextField
              state={form}
              name={`localTexts.${section}`}
              label={fmt(l.localLabel, { section: sm.sections[section] })}
              value={texts[section]}
              onChange={(value) => setTexts((t) => ({ ...t, [section]: value }))}
              multiline
              rows={4}
            />
          </div>
        )}
      />
    </SubmitForm>
  );
}
