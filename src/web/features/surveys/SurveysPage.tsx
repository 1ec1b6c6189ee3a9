import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { RoundCreateSchema, type Round, type RoundSummary, type Template } from '../../../shared/mapping/surveys.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { api, type ApiError, asApiError, useApi } from '../../app/api.ts';
import { FailureAlert, SuccessMessage, TextField } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { OptionSelect } from '../../app/form-parts.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { AppLink, ButtonRow, LoadState, ModalDialog, Section } from '../../app/ui.tsx';
import { useSurveyMessages } from './messages.ts';
import { RoundStatusTag } from './RoundPage.tsx';
import { TemplateBuilder } from './TemplateBuilder.tsx';
import './surveys.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { RowAction, DataTable } from '../../app/table.tsx';
import { useNavigationMessage } from '../../app/kit.tsx';

export const roundPath = (slug: string, roundId: string) => `/n/${slug}/undersokelser/${roundId}`;

/** `/n/:slug/undersokelser`: the network's survey rounds and templates; the secretariat starts rounds and builds templates. */
export function SurveysPage() {
  const sm = useSurveyMessages();
  const network = useNetwork();
  const title = fmt(sm.list.title, { name: network.name });
  return (
    <Page title={title}>
      <SurveysView network={network} />
    </Page>
  );
}

type Dialog = { kind: 'round' } | { kind: 'template'; template: Template | null } | null;

function SurveysView({ network }: { network: NetworkOverview }) {
  const sm = useSurveyMessages();
  const { date } = useI18n();
  const navigate = useNavigate();
  const navigationMessage = useNavigationMessage();
  const [message, setMessage] = useState<string | null>(navigationMessage);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const admin = useNetworkCapabilities(network.id).administer;
  const rounds = useApi<RoundSummary[]>(`/networks/${network.id}/survey-rounds`);
  const templates = useApi<Template[]>(`/networks/${network.id}/survey-templates`);
  const l = sm.list;
  const templateName = (id: string) => templates.data?.find((t) => t.id === id)?.name ?? '';

  const copy = async (template: Template) => {
    setFailure(null);
    setMessage(null);
    try {
      await api<Template>(`/networks/${network.id}/survey-templates/${template.id}/copy`, { method: 'POST', body: {} });
      templates.reload();
      setMessage(l.copied);
    } catch (error) {
      setFailure(asApiError(error));
    }
  };

  return (
    <div className="dr-stack">
      <SuccessMessage message={message} />
      <FailureAlert error={failure} />
      <Section id="rounds-heading" title={l.roundsHeading} className="dr-section dr-stack">
        {admin ? (
          <ButtonRow>
            <Button type="button" onClick={() => setDialog({ kind: 'round' })}>
              {l.newRound}
            </Button>
          </ButtonRow>
        ) : (
          <Paragraph data-size="sm" className="dr-muted">
            {l.readOnly}
          </Paragraph>
        )}
        <LoadState loaded={rounds}>
          {(list) =>
            list.length === 0 ? (
              <Paragraph>{l.none}</Paragraph>
            ) : (
              <DataTable caption={fmt(l.caption, { name: network.name })} columns={[l.name, l.template, l.deadline, l.status, l.answered]}>
                {list.map((x) => (
                  <Table.Row key={x.id}>
                    <Table.Cell>
                      <AppLink to={roundPath(network.slug, x.id)}>{x.name}</AppLink>
                    </Table.Cell>
                    <Table.Cell>{templateName(x.templateId)}</Table.Cell>
                    <Table.Cell>{date(x.deadline)}</Table.Cell>
                    <Table.Cell>
                      <RoundStatusTag status={x.status} />
                    </Table.Cell>
                    <Table.Cell>{fmt(l.answeredOf, { submitted: x.submittedCount, total: x.respondentCount })}</Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
            )
          }
        </LoadState>
      </Section>

      <Section id="templates-heading" title={l.templatesHeading} className="dr-section dr-stack">
        {admin && (
          <ButtonRow>
            <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'template', template: null })}>
              {l.newTemplate}
            </Button>
          </ButtonRow>
        )}
        <LoadState loaded={templates}>
          {(list) => (
            <ul className="dr-survey-templates">
              {list.map((t) => (
                <li key={t.id}>
                  <Heading level={3} data-size="xs">
                    {t.name}{' '}
                    <Tag data-color={t.builtIn ? 'accent' : 'neutral'} data-size="sm">
                      {t.builtIn ? l.builtIn : l.own}
                    </Tag>
                  </Heading>
                  {t.description && <Paragraph data-size="sm">{t.description}</Paragraph>}
                  <Paragraph data-size="sm" className="dr-muted">
                    {fmt(l.questionsCount, {
                      sections: t.definition.sections.length,
                      questions: t.definition.sections.reduce((n, s) => n + s.questions.length, 0),
                    })}
                  </Paragraph>
                  {admin && (
                    <ButtonRow>
                      <RowAction label={fmt(l.copyOf, { name: t.name })} onClick={() => void copy(t)}>
                        {l.copy}
                      </RowAction>
                      {!t.builtIn && (
                        <RowAction
                          label={fmt(l.editTemplate, { name: t.name })}
                          onClick={() => setDialog({ kind: 'template', template: t })}
                        >
                          {l.edit}
                        </RowAction>
                      )}
                    </ButtonRow>
                  )}
                </li>
              ))}
            </ul>
          )}
        </LoadState>
      </Section>

      <ModalDialog open={dialog?.kind === 'round'} onClose={() => setDialog(null)} title={l.newRound}>
        <RoundForm
          networkId={network.id}
          templates={templates.data ?? []}
          onCancel={() => setDialog(null)}
          onCreated={(round) => {
            setDialog(null);
            void navigate(roundPath(network.slug, round.id), { state: { message: l.created } });
          }}
        />
      </ModalDialog>
      <ModalDialog
        open={dialog?.kind === 'template'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'template' && dialog.template ? fmt(l.editTemplate, { name: dialog.template.name }) : l.newTemplate}
      >
        {dialog?.kind === 'template' && (
          <TemplateBuilder
            networkId={network.id}
            template={dialog.template}
            onCancel={() => setDialog(null)}
            onSaved={() => {
              setDialog(null);
              templates.reload();
              setMessage(l.templateCreated);
            }}
          />
        )}
      </ModalDialog>
    </div>
  );
}

function RoundForm({
  networkId,
  templates,
  onCancel,
  onCreated,
}: {
  networkId: string;
  templates: Template[];
  onCancel: () => void;
  onCreated: (round: Round) => void;
}) {
  const sm = useSurveyMessages();
  const f = sm.roundForm;
  const { form, values, field } = useFormValues(() => ({
    name: '',
    templateId: templates.find((t) => t.builtIn === 'maturity')?.id ?? '',
    deadline: '',
    reminderDaysBefore: '',
  }));
  const { name, templateId, deadline, reminderDaysBefore: reminder } = values;
  const days = reminder.trim() === '' ? null : Number(reminder);
  return (
    <SubmitForm
      form={form}
      onCancel={onCancel}
      submitLabel={f.create}
      submit={{
        schema: RoundCreateSchema,
        input: { name, templateId: templateId || undefined, deadline, reminderDaysBefore: days, respondents: [] },
        labels: { name: f.name, templateId: f.template, deadline: f.deadline, reminderDaysBefore: f.reminder },
        send: (body) => api<Round>(`/networks/${networkId}/survey-rounds`, { method: 'POST', body }),
        done: onCreated,
      }}
    >
      <TextField {...field('name', f.name, f.nameDescription)} required />
      <OptionSelect
        {...field('templateId', f.template)}
        empty={f.chooseTemplate}
        options={templates.map((t) => ({ value: t.id, label: t.name }))}
        required
      />
      <TextField {...field('deadline', f.deadline)} type="date" required />
      <TextField {...field('reminderDaysBefore', f.reminder, f.reminderDescription)} />
    </SubmitForm>
  );
}
