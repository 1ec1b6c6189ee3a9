import { useEffect, useState, type ReactNode } from 'react';
import { Field, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { DOMAINS, domainPath } from '../../../shared/mapping/domains.ts';
import type { Product } from '../../../shared/mapping/schema.ts';
import { query, useApi } from '../../app/api.ts';
import { SelectField, TextField, type FormState } from '../../app/forms.tsx';
import { OptionSelect } from '../../app/form-parts.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { useMappingMessages } from './messages.ts';

/** The value after it has stood still for `ms`: a search asks the server once the person stops typing. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
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
  const { m, lang } = useI18n();
  const options = DOMAINS.map((d) => ({ value: d.key, label: domainPath(d.key, lang) }));
  return (
    <OptionSelect
      state={form}
      name={name}
      label={label}
      value={value}
      onChange={onChange}
      required={required}
      empty={m.common.choose}
      options={options}
    />
  );
}

/** A list's search: a text field and a choice of domain («all» first), as the person types. */
export function DomainSearch({
  label,
  text,
  onText,
  domain,
  onDomain,
}: {
  label: string;
  text: string;
  onText: (text: string) => void;
  domain: string;
  onDomain: (domain: string) => void;
}) {
  const t = useMappingMessages();
  return (
    <div className="dr-toolbar" role="search">
      <Textfield label={label} type="search" value={text} onChange={(e) => onText(e.target.value)} autoComplete="off" />
      <Field>
        <Label>{t.common.domain}</Label>
        <Select value={domain} onChange={(e) => onDomain(e.target.value)}>
          <Select.Option value="">{t.common.allDomains}</Select.Option>
          <DomainOptions />
        </Select>
      </Field>
    </div>
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

export interface ProductValues {
  name: string;
  vendor: string;
  domain: string;
}

/**
 * A product's name, vendor and domain: a new product named with a municipality's use, or a catalog product a curator
 * corrects. `prefix` is where the server names the fields in its errors (`product.` in a use).
 */
export function ProductFields({
  form,
  prefix = '',
  labels,
  value,
  onChange,
}: {
  form: FormState;
  prefix?: string;
  labels: ProductValues;
  value: ProductValues;
  onChange: (value: ProductValues) => void;
}) {
  const text = (key: 'name' | 'vendor') => ({
    state: form,
    name: `${prefix}${key}`,
    label: labels[key],
    value: value[key],
    onChange: (v: string) => onChange({ ...value, [key]: v }),
    required: true,
    autoComplete: 'off',
  });
  return (
    <>
      <TextField {...text('name')} />
      <TextField {...text('vendor')} />
      <DomainSelect
        form={form}
        name={`${prefix}domain`}
        label={labels.domain}
        value={value.domain}
        onChange={(domain) => onChange({ ...value, domain })}
        required
      />
    </>
  );
}

/**
 * Finds a catalog product as the person types and chooses one from the hits. The chosen product stays in the list
 * when a later search no longer finds it, so the choice does not vanish under the person's eyes.
 */
export function ProductPicker({
  form,
  name,
  label,
  searchName,
  searchLabel,
  initialSearch = '',
  searchEmpty = true,
  describe,
  exclude,
  optionText,
  after,
  value,
  onChange,
}: {
  form: FormState;
  name: string;
  label: string;
  searchName: string;
  searchLabel: string;
  initialSearch?: string;
  /** Whether an empty search lists the catalog (true) or asks nothing until the person types (false). */
  searchEmpty?: boolean;
  /** The search field's description from the search and, once answered, the number of hits. */
  describe?: (q: string, hits: number | undefined) => ReactNode;
  /** A product that may not be chosen (the one being merged). */
  exclude?: string;
  optionText: (p: Product) => ReactNode;
  /** An option after the hits (e.g. «Nytt produkt»). */
  after?: { value: string; label: string };
  value: string;
  onChange: (id: string, product: Product | null, search: string) => void;
}) {
  const { m } = useI18n();
  const [search, setSearch] = useState(initialSearch);
  const q = useDebounced(search.trim(), 250);
  const products = useApi<Product[]>(q === '' && !searchEmpty ? null : `/mapping/products${query({ q })}`);
  const items = (products.data ?? []).filter((p) => p.id !== exclude).slice(0, 100);
  const [chosen, setChosen] = useState<Product | null>(null);
  const showChosen = chosen !== null && value === chosen.id && !items.some((p) => p.id === chosen.id);
  return (
    <>
      <TextField
        state={form}
        name={searchName}
        label={searchLabel}
        description={describe?.(q, products.data ? items.length : undefined)}
        type="search"
        value={search}
        onChange={setSearch}
        autoComplete="off"
      />
      <SelectField
        state={form}
        name={name}
        label={label}
        value={value}
        required
        onChange={(id) => {
          const product = items.find((p) => p.id === id) ?? chosen;
          setChosen(product);
          onChange(id, product?.id === id ? product : null, search.trim());
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
            {optionText(p)}
          </Select.Option>
        ))}
        {after && <Select.Option value={after.value}>{after.label}</Select.Option>}
      </SelectField>
    </>
  );
}
