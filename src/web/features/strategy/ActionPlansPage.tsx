import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { ActionPlanCreateSchema, type ActionPlan, type Strategy } from '../../../shared/strategy/schema.ts';
import { useApi } from '../../app/api.ts';
import { TextField, useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink, LoadState, ScrollRegion } from '../../app/ui.tsx';
import { useKroner, useStrategyMessages } from './messages.ts';
import { actionPlanPath, parseWhole, strategyPath } from './strategy-api.ts';
import { BackLink, StrategyFrame, usePageTitle, useStrategyFrame } from './StrategyFrame.tsx';
import './strategy.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';

/** `/n/:slug/strategi/:strategyId/handlingsplaner`: the strategy's yearly action plans; the secretariat adds a year. */
export function ActionPlansPage() {
  const sm = useStrategyMessages();
  const { network, strategy } = useStrategyFrame();
  const title = usePageTitle([network, strategy], () => fmt(sm.plans.title, { title: strategy.data?.title ?? '' }));
  return (
    <StrategyFrame title={title} strategy={strategy}>
      {(n, s) => <ActionPlansView network={n} strategy={s} />}
    </StrategyFrame>
  );
}

function ActionPlansView({ network, strategy }: { network: NetworkOverview; strategy: Strategy }) {
  const sm = useStrategyMessages();
  const { number } = useI18n();
  const kroner = useKroner();
  const admin = useNetworkCapabilities(network.id).administer;
  const plans = useApi<ActionPlan[]>(`/strategies/${strategy.id}/action-plans`);
  const p = sm.plans;
  return (
    <div className="dr-stack">
      <BackLink to={strategyPath(network.slug, strategy.id)}>{fmt(sm.common.back, { name: strategy.title })}</BackLink>
      <Paragraph>{p.intro}</Paragraph>
      {!admin && (
        <Paragraph data-size="sm" className="dr-muted">
          {p.readOnly}
        </Paragraph>
      )}
      <LoadState loaded={plans}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{p.none}</Paragraph>
          ) : (
            <ScrollRegion label={fmt(p.caption, { title: strategy.title })}>
              <Table zebra>
                <caption>{fmt(p.caption, { title: strategy.title })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{p.year}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{p.measures}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="dr-strategy-amount">
                      {p.budget}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {[...list]
                    .sort((a, b) => b.year - a.year)
                    .map((plan) => (
                      <Table.Row key={plan.id}>
                        <Table.Cell>
                          <AppLink to={actionPlanPath(network.slug, strategy.id, plan.id)}>{String(plan.year)}</AppLink>
                        </Table.Cell>
                        <Table.Cell>{number(plan.measures.length)}</Table.Cell>
                        <Table.Cell className="dr-strategy-amount">{kroner(plan.totalBudget)}</Table.Cell>
                      </Table.Row>
                    ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
          )
        }
      </LoadState>
      {admin && <NewPlanForm network={network} strategy={strategy} />}
    </div>
  );
}

function NewPlanForm({ network, strategy }: { network: NetworkOverview; strategy: Strategy }) {
  const sm = useStrategyMessages();
  const p = sm.plans;
  const form = useForm();
  const navigate = useNavigate();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  return (
    <SubmitForm
      form={form}
      className="dr-form dr-section"
      labelledBy="new-plan-heading"
      intro={
        <Heading level={2} data-size="sm" id="new-plan-heading">
          {p.newPlan}
        </Heading>
      }
      submit={{
        schema: ActionPlanCreateSchema,
        input: { year: parseWhole(year) },
        labels: { year: p.year },
        send: sendTo<ActionPlan>(`/strategies/${strategy.id}/action-plans`, 'POST'),
        done: (plan) => {
          void navigate(actionPlanPath(network.slug, strategy.id, plan.id), { state: { message: fmt(p.created, { year: plan.year }) } });
        },
      }}
      submitLabel={p.create}
    >
      <TextField state={form} name="year" label={p.year} value={year} onChange={setYear} required />
    </SubmitForm>
  );
}
