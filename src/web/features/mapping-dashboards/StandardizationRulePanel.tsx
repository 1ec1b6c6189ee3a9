import { useState, type FormEvent } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { StandardizationRule } from '../../../shared/mapping/dashboard-terms.ts';
import { StandardizationRuleUpdateSchema, type StandardizationRuleAnswer } from '../../../shared/mapping/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { parseWhole } from '../../app/format.ts';
import { FormMessages, SubmitButton, TextField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { LoadState } from '../../app/ui.tsx';
import { useDashboardMessages } from './messages.ts';

/** The rule the landscape's candidates were picked by, in words with the network's numbers. */
export function RuleText({ rule }: { rule: StandardizationRule }) {
  const dm = useDashboardMessages();
  const { number } = useI18n();
  return (
    <Paragraph>
      {fmt(dm.landscape.rule, {
        products: number(rule.minProducts),
        municipalities: number(rule.minMunicipalities),
        percent: number(rule.maxLeaderPercent),
      })}
    </Paragraph>
  );
}

/**
 * The network's own rule for standardization candidates: the secretariat sets the thresholds, and the landscape
 * marks by them at once; everyone else reads them in the rule's sentence above the chart.
 */
export function StandardizationRulePanel({ networkId, onSaved }: { networkId: string; onSaved: () => void }) {
  const dm = useDashboardMessages();
  const rule = useApi<StandardizationRuleAnswer>(`/networks/${networkId}/mapping/standardization-rule`);
  const admin = useNetworkCapabilities(networkId).administer;
  if (!admin) return null;
  return (
    <section className="dr-section dr-stack" aria-labelledby="standardization-rule-heading">
      <Heading level={2} data-size="sm" id="standardization-rule-heading">
        {dm.rule.heading}
      </Heading>
      <Paragraph>{dm.rule.intro}</Paragraph>
      <LoadState loaded={rule}>
        {(r) => (
          <RuleForm
            key={r.version ?? 0}
            networkId={networkId}
            rule={r}
            onReload={rule.reload}
            onSaved={(saved) => {
              rule.setData(saved);
              onSaved();
            }}
          />
        )}
      </LoadState>
    </section>
  );
}

function RuleForm({
  networkId,
  rule,
  onReload,
  onSaved,
}: {
  networkId: string;
  rule: StandardizationRuleAnswer;
  onReload: () => void;
  onSaved: (rule: StandardizationRuleAnswer) => void;
}) {
  const dm = useDashboardMessages();
  const form = useForm();
  const [values, setValues] = useState({
    minProducts: String(rule.minProducts),
    minMunicipalities: String(rule.minMunicipalities),
    maxLeaderPercent: String(rule.maxLeaderPercent),
  });
  const field = (name: keyof typeof values) => ({
    state: form,
    name,
    label: dm.rule[name],
    value: values[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({
      schema: StandardizationRuleUpdateSchema,
      input: {
        minProducts: parseWhole(values.minProducts),
        minMunicipalities: parseWhole(values.minMunicipalities),
        maxLeaderPercent: parseWhole(values.maxLeaderPercent),
        version: rule.version ?? undefined,
      },
      labels: {
        minProducts: dm.rule.minProducts,
        minMunicipalities: dm.rule.minMunicipalities,
        maxLeaderPercent: dm.rule.maxLeaderPercent,
      },
      send: (body) => api<StandardizationRuleAnswer>(`/networks/${networkId}/mapping/standardization-rule`, { method: 'PUT', body }),
      done: (saved) => {
        onSaved(saved);
        return dm.rule.saved;
      },
    });
  };
  return (
    <form onSubmit={submit} className="dr-form" noValidate>
      <FormMessages form={form} onReload={onReload} />
      <TextField {...field('minProducts')} />
      <TextField {...field('minMunicipalities')} />
      <TextField {...field('maxLeaderPercent')} description={dm.rule.maxLeaderPercentDescription} />
      <div>
        <SubmitButton form={form}>{dm.rule.save}</SubmitButton>
      </div>
    </form>
  );
}
