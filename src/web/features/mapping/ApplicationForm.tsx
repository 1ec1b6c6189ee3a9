import { useEffect, useId, useState } from 'react';
import { Button, Checkbox, Fieldset, Paragraph, Radio, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { DOMAINS, domainPath } from '../../../shared/mapping/domains.ts';
import {
  ApplicationCreateSchema,
  ApplicationUpdateSchema,
  CRITICALITIES,
  DPA_STATUSES,
  DPIA_STATUSES,
  HOSTINGS,
  LIFECYCLES,
  timeVerdict,
  type Application,
  type Product,
  type SharedSolution,
} from '../../../shared/mapping/schema.ts';
import { api, query, useApi } from '../../app/api.ts';
import { errorFor, FormMessages, SelectField, SubmitButton, TextField, useForm, type FormState } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow } from '../../app/ui.tsx';
import { kronerToOre, oreToKronerInput, parseCount } from './mapping-api.ts';
import { useMappingMessages } from './messages.ts';

const NEW_PRODUCT = 'new';
const FITS = ['1', '2', '3', '4'] as const;

interface Values {
  productVersion: string;
  hosting: string;
  contractStart: string;
  contractEnd: string;
  contractOptions: string;
  annualCost: string;
  userCount: string;
  lifecycle: string;
  lifecycleDate: string;
  criticality: string;
  functionalFit: string;
  technicalFit: string;
  integrations: string[];
  dpaStatus: string;
  dpiaStatus: string;
  systemOwner: string;
  notes: string;
}

function initialValues(application: Application | null): Values {
  const a = application;
  return {
    productVersion: a?.productVersion ?? '',
    hosting: a?.hosting ?? '',
    contractStart: a?.contractStart ?? '',
    contractEnd: a?.contractEnd ?? '',
    contractOptions: a?.contractOptions ?? '',
    annualCost: oreToKronerInput(a?.annualCost ?? null),
    userCount: a?.userCount === null || a?.userCount === undefined ? '' : String(a.userCount),
    lifecycle: a?.lifecycle ?? 'inOperation',
    lifecycleDate: a?.lifecycleDate ?? '',
    criticality: a?.criticality ?? '',
    functionalFit: a?.functionalFit ? String(a.functionalFit) : '',
    technicalFit: a?.technicalFit ? String(a.technicalFit) : '',
    integrations: a?.integrations ?? [],
    dpaStatus: a?.dpaStatus ?? '',
    dpiaStatus: a?.dpiaStatus ?? '',
    systemOwner: a?.systemOwner ?? '',
    notes: a?.notes ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text);
const fitOf = (text: string) => (text === '' ? null : Number(text));

/** The fields as the API takes them; numbers a person typed badly stay text, so the schema names the field. */
function fieldsOf(v: Values) {
  return {
    productVersion: v.productVersion,
    hosting: orNull(v.hosting),
    contractStart: orNull(v.contractStart),
    contractEnd: orNull(v.contractEnd),
    contractOptions: v.contractOptions,
    annualCost: kronerToOre(v.annualCost),
    userCount: parseCount(v.userCount),
    lifecycle: v.lifecycle,
    lifecycleDate: orNull(v.lifecycleDate),
    criticality: orNull(v.criticality),
    functionalFit: fitOf(v.functionalFit),
    technicalFit: fitOf(v.technicalFit),
    integrations: v.integrations,
    dpaStatus: orNull(v.dpaStatus),
    dpiaStatus: orNull(v.dpiaStatus),
    systemOwner: v.systemOwner,
    notes: v.notes,
  };
}

/**
 * Adds a municipality's use of a product, or edits one. A new use names a catalog product, or a new one by
 * name, vendor and domain (the server finds it if it is there already). The TIME verdict follows the two fits live.
 */
export function ApplicationForm({
  municipalityNumber,
  application,
  solutions,
  onSaved,
  onCancel,
  onReload,
}: {
  municipalityNumber: string;
  application: Application | null;
  solutions: SharedSolution[];
  onSaved: (application: Application, created: boolean) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { m, lang } = useI18n();
  const t = useMappingMessages();
  const f = t.form;
  const form = useForm();
  const [values, setValues] = useState<Values>(() => initialValues(application));
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const [productId, setProductId] = useState('');
  const [newProduct, setNewProduct] = useState({ name: '', vendor: '', domain: '' });

  const labels: Record<string, string> = {
    productId: f.product,
    'product.name': f.productName,
    'product.vendor': f.productVendor,
    'product.domain': f.productDomain,
    productVersion: f.productVersion,
    hosting: f.hosting,
    contractStart: f.contractStart,
    contractEnd: f.contractEnd,
    contractOptions: f.contractOptions,
    annualCost: f.annualCost,
    userCount: f.userCount,
    lifecycle: f.lifecycle,
    lifecycleDate: f.lifecycleDate,
    criticality: f.criticality,
    functionalFit: f.functionalFit,
    technicalFit: f.technicalFit,
    integrations: f.integrations,
    dpaStatus: f.dpaStatus,
    dpiaStatus: f.dpiaStatus,
    systemOwner: f.systemOwner,
    notes: f.notes,
  };

  const submit = () => {
    const fields = fieldsOf(values);
    if (application) {
      void form.submit({
        schema: ApplicationUpdateSchema,
        input: { ...fields, version: application.version },
        labels,
        send: (body) => api<Application>(`/applications/${application.id}`, { method: 'PATCH', body }),
        done: (saved) => onSaved(saved, false),
      });
      return;
    }
    const product =
      productId === NEW_PRODUCT
        ? {
            product: { name: newProduct.name, vendor: newProduct.vendor, domain: newProduct.domain === '' ? undefined : newProduct.domain },
          }
        : { productId: productId === '' ? undefined : productId };
    void form.submit({
      schema: ApplicationCreateSchema,
      input: { ...fields, ...product },
      labels,
      send: (body) => api<Application>(`/municipalities/${municipalityNumber}/applications`, { method: 'POST', body }),
      done: (saved) => onSaved(saved, true),
    });
  };

  const verdict = timeVerdict(fitOf(values.functionalFit), fitOf(values.technicalFit));

  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <FormMessages form={form} onReload={onReload} />

      <Fieldset>
        <Fieldset.Legend>{f.productSection}</Fieldset.Legend>
        {application ? (
          <>
            <Paragraph>
              <strong>{application.product.name}</strong> ({application.product.vendor}) · {domainPath(application.product.domain, lang)}
            </Paragraph>
            <Paragraph data-size="sm" className="dr-muted">
              {f.productFixed}
            </Paragraph>
          </>
        ) : (
          <ProductChooser
            form={form}
            productId={productId}
            onProductId={(id, searchText) => {
              setProductId(id);
              if (id === NEW_PRODUCT && newProduct.name === '') setNewProduct((p) => ({ ...p, name: searchText }));
            }}
            newProduct={newProduct}
            onNewProduct={setNewProduct}
          />
        )}
        <TextField
          state={form}
          name="productVersion"
          label={f.productVersion}
          value={values.productVersion}
          onChange={(v) => set({ productVersion: v })}
          autoComplete="off"
        />
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{f.operationSection}</Fieldset.Legend>
        <SelectField state={form} name="hosting" label={f.hosting} value={values.hosting} onChange={(v) => set({ hosting: v })}>
          <Select.Option value="">{t.common.notSet}</Select.Option>
          {HOSTINGS.map((h) => (
            <Select.Option key={h} value={h}>
              {t.hostings[h]}
            </Select.Option>
          ))}
        </SelectField>
        <div className="dr-field-pair">
          <TextField
            state={form}
            name="contractStart"
            label={f.contractStart}
            type="date"
            value={values.contractStart}
            onChange={(v) => set({ contractStart: v })}
          />
          <TextField
            state={form}
            name="contractEnd"
            label={f.contractEnd}
            type="date"
            value={values.contractEnd}
            onChange={(v) => set({ contractEnd: v })}
          />
        </div>
        <TextField
          state={form}
          name="contractOptions"
          label={f.contractOptions}
          description={f.contractOptionsDescription}
          value={values.contractOptions}
          onChange={(v) => set({ contractOptions: v })}
          autoComplete="off"
        />
        <div className="dr-field-pair">
          <TextField
            state={form}
            name="annualCost"
            label={f.annualCost}
            description={f.annualCostDescription}
            value={values.annualCost}
            onChange={(v) => set({ annualCost: v })}
            autoComplete="off"
          />
          <TextField
            state={form}
            name="userCount"
            label={f.userCount}
            value={values.userCount}
            onChange={(v) => set({ userCount: v })}
            autoComplete="off"
          />
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{f.lifecycleSection}</Fieldset.Legend>
        <div className="dr-field-pair">
          <SelectField
            state={form}
            name="lifecycle"
            label={f.lifecycle}
            value={values.lifecycle}
            onChange={(v) => set({ lifecycle: v })}
            required
          >
            {LIFECYCLES.map((l) => (
              <Select.Option key={l} value={l}>
                {t.lifecycles[l]}
              </Select.Option>
            ))}
          </SelectField>
          <TextField
            state={form}
            name="lifecycleDate"
            label={f.lifecycleDate}
            description={f.lifecycleDateDescription}
            type="date"
            value={values.lifecycleDate}
            onChange={(v) => set({ lifecycleDate: v })}
          />
        </div>
        <SelectField
          state={form}
          name="criticality"
          label={f.criticality}
          value={values.criticality}
          onChange={(v) => set({ criticality: v })}
        >
          <Select.Option value="">{t.common.notSet}</Select.Option>
          {CRITICALITIES.map((c) => (
            <Select.Option key={c} value={c}>
              {t.criticalities[c]}
            </Select.Option>
          ))}
        </SelectField>
        <FitGroup
          form={form}
          name="functionalFit"
          legend={f.functionalFit}
          description={f.functionalFitDescription}
          value={values.functionalFit}
          onChange={(v) => set({ functionalFit: v })}
        />
        <FitGroup
          form={form}
          name="technicalFit"
          legend={f.technicalFit}
          description={f.technicalFitDescription}
          value={values.technicalFit}
          onChange={(v) => set({ technicalFit: v })}
        />
        <div role="status" className="dr-time-live" data-verdict={verdict ?? undefined}>
          {verdict ? (
            <>
              <strong>{fmt(f.timeLive, { verdict: t.timeVerdicts[verdict] })}</strong>
              <br />
              {t.timeExplanations[verdict]}
            </>
          ) : (
            f.timeNone
          )}
        </div>
      </Fieldset>

      <Fieldset id={form.id('integrations')} tabIndex={-1}>
        <Fieldset.Legend>{f.integrations}</Fieldset.Legend>
        <Fieldset.Description>{f.integrationsDescription}</Fieldset.Description>
        <div className="dr-checkbox-columns">
          {solutions.map((s) => (
            <Checkbox
              key={s.key}
              label={s.name}
              value={s.key}
              data-size="sm"
              checked={values.integrations.includes(s.key)}
              onChange={(e) =>
                set({
                  integrations: e.target.checked ? [...values.integrations, s.key] : values.integrations.filter((k) => k !== s.key),
                })
              }
            />
          ))}
        </div>
        {errorFor(form, 'integrations') && <ValidationMessage>{errorFor(form, 'integrations')}</ValidationMessage>}
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{f.privacySection}</Fieldset.Legend>
        <div className="dr-field-pair">
          <SelectField state={form} name="dpaStatus" label={f.dpaStatus} value={values.dpaStatus} onChange={(v) => set({ dpaStatus: v })}>
            <Select.Option value="">{t.common.notSet}</Select.Option>
            {DPA_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t.dpaStatuses[s]}
              </Select.Option>
            ))}
          </SelectField>
          <SelectField
            state={form}
            name="dpiaStatus"
            label={f.dpiaStatus}
            value={values.dpiaStatus}
            onChange={(v) => set({ dpiaStatus: v })}
          >
            <Select.Option value="">{t.common.notSet}</Select.Option>
            {DPIA_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t.dpiaStatuses[s]}
              </Select.Option>
            ))}
          </SelectField>
        </div>
        <TextField
          state={form}
          name="systemOwner"
          label={f.systemOwner}
          description={f.systemOwnerDescription}
          value={values.systemOwner}
          onChange={(v) => set({ systemOwner: v })}
          autoComplete="off"
        />
        <TextField state={form} name="notes" label={f.notes} value={values.notes} onChange={(v) => set({ notes: v })} multiline rows={3} />
      </Fieldset>

      <ButtonRow>
        <SubmitButton form={form}>{m.common.save}</SubmitButton>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
      </ButtonRow>
    </form>
  );
}

/** Fit 1–4 as a radio group, with «Ikke vurdert» for none; the first radio carries the field's id for the error summary. */
function FitGroup({
  form,
  name,
  legend,
  description,
  value,
  onChange,
}: {
  form: FormState;
  name: string;
  legend: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useMappingMessages();
  const group = useId();
  const error = errorFor(form, name);
  return (
    <Fieldset data-size="sm">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description>{description}</Fieldset.Description>
      <div className="dr-radio-row">
        {(['', ...FITS] as const).map((fit, index) => (
          <Radio
            key={fit}
            id={index === 0 ? form.id(name) : undefined}
            name={`${group}-${name}`}
            value={fit}
            label={fit === '' ? t.common.notAssessed : t.fits[fit]}
            checked={value === fit}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(fit)}
          />
        ))}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

/**
 * Finds a product in the catalog as the person types; «Nytt produkt» opens name, vendor and domain. The server
 * matches a new product on name and vendor, so a second municipality typing the same gets the same product.
 */
function ProductChooser({
  form,
  productId,
  onProductId,
  newProduct,
  onNewProduct,
}: {
  form: FormState;
  productId: string;
  onProductId: (id: string, searchText: string) => void;
  newProduct: { name: string; vendor: string; domain: string };
  onNewProduct: (p: { name: string; vendor: string; domain: string }) => void;
}) {
  const { lang, m } = useI18n();
  const t = useMappingMessages();
  const f = t.form;
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const products = useApi<Product[]>(q === '' ? null : `/mapping/products${query({ q })}`);
  const items = (products.data ?? []).slice(0, 100);
  const [chosen, setChosen] = useState<Product | null>(null);
  const showChosen = chosen !== null && productId === chosen.id && !items.some((p) => p.id === chosen.id);

  return (
    <>
      <TextField
        state={form}
        name="productSearch"
        label={f.productSearch}
        description={
          q === ''
            ? f.productSearchDescription
            : products.data
              ? items.length === 0
                ? fmt(f.productNone, { q })
                : fmt(f.productHits, { count: items.length })
              : undefined
        }
        type="search"
        value={search}
        onChange={setSearch}
        autoComplete="off"
      />
      <SelectField
        state={form}
        name="productId"
        label={f.product}
        value={productId}
        required
        onChange={(id) => {
          setChosen(items.find((p) => p.id === id) ?? chosen);
          onProductId(id, search.trim());
        }}
      >
        <Select.Option value="">{m.common.choose}</Select.Option>
        {showChosen && (
          <Select.Option value={chosen.id}>
            {chosen.name} ({chosen.vendor})
          </Select.Option>
        )}
        {items.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {p.name} ({p.vendor}) – {domainPath(p.domain, lang)}
          </Select.Option>
        ))}
        <Select.Option value={NEW_PRODUCT}>{f.newProductOption}</Select.Option>
      </SelectField>
      {productId === NEW_PRODUCT && (
        <Fieldset data-size="sm">
          <Fieldset.Legend>{f.newProduct}</Fieldset.Legend>
          <Fieldset.Description>{f.newProductDescription}</Fieldset.Description>
          <TextField
            state={form}
            name="product.name"
            label={f.productName}
            value={newProduct.name}
            onChange={(name) => onNewProduct({ ...newProduct, name })}
            required
            autoComplete="off"
          />
          <TextField
            state={form}
            name="product.vendor"
            label={f.productVendor}
            value={newProduct.vendor}
            onChange={(vendor) => onNewProduct({ ...newProduct, vendor })}
            required
            autoComplete="off"
          />
          <DomainSelect
            form={form}
            name="product.domain"
            label={f.productDomain}
            value={newProduct.domain}
            onChange={(domain) => onNewProduct({ ...newProduct, domain })}
            required
          />
        </Fieldset>
      )}
    </>
  );
}

/** The two-level domains as one list: main domains, each followed by its subdomains as «Helse og omsorg → EPJ». */
export function DomainSelect({
  form,
  name,
  label,
  value,
  onChange,
  required,
}: {
  form: FormState;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  const { m } = useI18n();
  return (
    <SelectField state={form} name={name} label={label} value={value} onChange={onChange} required={required}>
      <Select.Option value="">{m.common.choose}</Select.Option>
      <DomainOptions />
    </SelectField>
  );
}

/** Options for every domain, in the catalog's order. */
export function DomainOptions() {
  const { lang } = useI18n();
  return (
    <>
      {DOMAINS.map((d) => (
        <Select.Option key={d.key} value={d.key}>
          {domainPath(d.key, lang)}
        </Select.Option>
      ))}
    </>
  );
}
