import { useId, useState } from 'react';
import { Checkbox, Fieldset, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { domainPath } from '../../../shared/mapping/domains.ts';
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
  type SharedSolution,
} from '../../../shared/mapping/schema.ts';
import { errorFor, TextField, useForm, type FormState } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { fieldBinder } from '../../app/fields.tsx';
import { OptionSelect, optionsOf, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { ProductFields, ProductPicker } from './product-fields.tsx';
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

  const field = fieldBinder(form, values, set);
  const submit = () => {
    const fields = fieldsOf(values);
    if (application) {
      return form.submit({
        schema: ApplicationUpdateSchema,
        input: { ...fields, version: application.version },
        labels,
        send: sendTo<Application>(`/applications/${application.id}`),
        done: (saved) => onSaved(saved, false),
      });
    }
    const product =
      productId === NEW_PRODUCT
        ? {
            product: { name: newProduct.name, vendor: newProduct.vendor, domain: newProduct.domain === '' ? undefined : newProduct.domain },
          }
        : { productId: productId === '' ? undefined : productId };
    return form.submit({
      schema: ApplicationCreateSchema,
      input: { ...fields, ...product },
      labels,
      send: sendTo<Application>(`/municipalities/${municipalityNumber}/applications`, 'POST'),
      done: (saved) => onSaved(saved, true),
    });
  };

  const verdict = timeVerdict(fitOf(values.functionalFit), fitOf(values.technicalFit));

  return (
    <SubmitForm form={form} submit={submit} submitLabel={m.common.save} onCancel={onCancel} onReload={onReload}>
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
        <TextField {...field('productVersion')} label={f.productVersion} autoComplete="off" />
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{f.operationSection}</Fieldset.Legend>
        <OptionSelect {...field('hosting')} label={f.hosting} empty={t.common.notSet} options={optionsOf(HOSTINGS, t.hostings)} />
        <div className="dr-field-pair">
          <TextField {...field('contractStart')} label={f.contractStart} type="date" />
          <TextField {...field('contractEnd')} label={f.contractEnd} type="date" />
        </div>
        <TextField {...field('contractOptions')} label={f.contractOptions} description={f.contractOptionsDescription} autoComplete="off" />
        <div className="dr-field-pair">
          <TextField {...field('annualCost')} label={f.annualCost} description={f.annualCostDescription} autoComplete="off" />
          <TextField {...field('userCount')} label={f.userCount} autoComplete="off" />
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{f.lifecycleSection}</Fieldset.Legend>
        <div className="dr-field-pair">
          <OptionSelect {...field('lifecycle')} label={f.lifecycle} required options={optionsOf(LIFECYCLES, t.lifecycles)} />
          <TextField {...field('lifecycleDate')} label={f.lifecycleDate} description={f.lifecycleDateDescription} type="date" />
        </div>
        <OptionSelect
          {...field('criticality')}
          label={f.criticality}
          empty={t.common.notSet}
          options={optionsOf(CRITICALITIES, t.criticalities)}
        />
        <FitGroup {...field('functionalFit')} legend={f.functionalFit} description={f.functionalFitDescription} />
        <FitGroup {...field('technicalFit')} legend={f.technicalFit} description={f.technicalFitDescription} />
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
          <OptionSelect
            {...field('dpaStatus')}
            label={f.dpaStatus}
            empty={t.common.notSet}
            options={optionsOf(DPA_STATUSES, t.dpaStatuses)}
          />
          <OptionSelect
            {...field('dpiaStatus')}
            label={f.dpiaStatus}
            empty={t.common.notSet}
            options={optionsOf(DPIA_STATUSES, t.dpiaStatuses)}
          />
        </div>
        <TextField {...field('systemOwner')} label={f.systemOwner} description={f.systemOwnerDescription} autoComplete="off" />
        <TextField {...field('notes')} label={f.notes} multiline rows={3} />
      </Fieldset>
    </SubmitForm>
  );
}

/** Fit 1–4 as a radio group, with «Ikke vurdert» for none; the first radio carries the field's id for the error summary. */
function FitGroup({
  state: form,
  name,
  legend,
  description,
  value,
  onChange,
}: {
  state: FormState;
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
  const { lang } = useI18n();
  const t = useMappingMessages();
  const f = t.form;
  return (
    <>
      <ProductPicker
        form={form}
        name="productId"
        label={f.product}
        searchName="productSearch"
        searchLabel={f.productSearch}
        searchEmpty={false}
        describe={(q, hits) =>
          q === ''
            ? f.productSearchDescription
            : hits === undefined
              ? undefined
              : hits === 0
                ? fmt(f.productNone, { q })
                : fmt(f.productHits, { count: hits })
        }
        optionText={(p) => `${p.name} (${p.vendor}) – ${domainPath(p.domain, lang)}`}
        after={{ value: NEW_PRODUCT, label: f.newProductOption }}
        value={productId}
        onChange={(id, _product, search) => onProductId(id, search)}
      />
      {productId === NEW_PRODUCT && (
        <Fieldset data-size="sm">
          <Fieldset.Legend>{f.newProduct}</Fieldset.Legend>
          <Fieldset.Description>{f.newProductDescription}</Fieldset.Description>
          <ProductFields
            form={form}
            prefix="product."
            labels={{ name: f.productName, vendor: f.productVendor, domain: f.productDomain }}
            value={newProduct}
            onChange={onNewProduct}
          />
        </Fieldset>
      )}
    </>
  );
}
