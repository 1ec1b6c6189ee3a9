import { useEffect, useState } from 'react';
import { Select, Textfield } from '@digdir/designsystemet-react';
import type { PeoplePage } from '../../../shared/network/schema.ts';
import { query, useApi } from '../../app/api.ts';
import { SelectField, type FormState } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useMeetingMessages } from './messages.ts';

/**
 * Chooses a person the network sees: a search field narrows the list below it. The person already
 * chosen stays in the list whatever the search.
 */
export function PersonPicker({
  form,
  networkId,
  name,
  label,
  searchLabel,
  value,
  currentName,
  onChange,
  required,
}: {
  form: FormState;
  networkId: string;
  name: string;
  label: string;
  searchLabel: string;
  value: string;
  currentName?: string | null;
  onChange: (personId: string, personName: string) => void;
  required?: boolean;
}) {
  const { m } = useI18n();
  const mm = useMeetingMessages();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const people = useApi<PeoplePage>(`/networks/${networkId}/people${query({ q, limit: 100 })}`);
  const items = people.data?.items ?? [];
  const chosenMissing = value !== '' && !items.some((p) => p.id === value);

  return (
    <>
      <Textfield
        label={searchLabel}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        autoComplete="off"
        description={people.data ? fmt(mm.people.hits, { count: people.data.total }) : undefined}
      />
      <SelectField
        state={form}
        name={name}
        label={label}
        value={value}
        required={required}
        onChange={(id) => onChange(id, items.find((p) => p.id === id)?.name ?? currentName ?? '')}
      >
        <Select.Option value="">{required ? m.common.choose : m.common.noneOption}</Select.Option>
        {chosenMissing && <Select.Option value={value}>{currentName ?? value}</Select.Option>}
        {items.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {p.title ? `${p.name}, ${p.title}` : p.name}
          </Select.Option>
        ))}
      </SelectField>
    </>
  );
}
