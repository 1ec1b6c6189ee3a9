import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, Checkbox, Field, Fieldset, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow } from '../../app/ui.tsx';
import { DEFAULT_MONTHS, domainOptions, filterSearch, type Filter } from './dashboard-api.ts';
import { useDashboardMessages } from './messages.ts';

/**
 * The dashboards' filter: municipalities, domain and (for contracts) how far ahead. It lives in the address,
 * so a filtered dashboard can be shared and the back button undoes a filter.
 */
export function FilterForm({
  filter,
  municipalities,
  path,
  withDomain,
  withMonths,
}: {
  filter: Filter;
  municipalities: { number: string; name: string }[];
  /** The page's path, without the query. */
  path: string;
  withDomain: boolean;
  withMonths: boolean;
}) {
  const dm = useDashboardMessages();
  const { lang } = useI18n();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string[]>(filter.municipalities);
  const [domain, setDomain] = useState(filter.domain);
  const [months, setMonths] = useState(String(filter.months));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const m = Number(months);
    void navigate(
      `${path}${filterSearch({
        municipalities: chosen,
        domain: withDomain ? domain : '',
        months: Number.isInteger(m) && m >= 1 && m <= 120 ? m : DEFAULT_MONTHS,
      })}`,
    );
  };
  const clear = () => {
    setChosen([]);
    setDomain('');
    setMonths(String(DEFAULT_MONTHS));
    void navigate(path);
  };

  return (
    <form onSubmit={submit} className="dr-filter" aria-label={dm.filter.heading}>
      <Fieldset className="dr-filter-municipalities">
        <Fieldset.Legend>{dm.filter.municipalities}</Fieldset.Legend>
        <Fieldset.Description>{dm.filter.municipalitiesHelp}</Fieldset.Description>
        <div className="dr-checkbox-grid">
          {municipalities.map((m) => (
            <Checkbox
              key={m.number}
              label={m.name}
              value={m.number}
              data-size="sm"
              checked={chosen.includes(m.number)}
              onChange={(e) => setChosen((list) => (e.target.checked ? [...list, m.number] : list.filter((n) => n !== m.number)))}
            />
          ))}
        </div>
      </Fieldset>
      <div className="dr-toolbar">
        {withDomain && (
          <Field>
            <Label>{dm.filter.domain}</Label>
            <Select value={domain} onChange={(e) => setDomain(e.target.value)}>
              <Select.Option value="">{dm.filter.allDomains}</Select.Option>
              {domainOptions(lang).map((d) => (
                <Select.Option key={d.key} value={d.key}>
                  {d.label}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        {withMonths && (
          <Textfield label={dm.filter.months} type="number" min={1} max={120} value={months} onChange={(e) => setMonths(e.target.value)} />
        )}
      </div>
      <ButtonRow>
        <Button type="submit">{dm.filter.apply}</Button>
        <Button type="button" variant="secondary" onClick={clear}>
          {dm.filter.clear}
        </Button>
      </ButtonRow>
    </form>
  );
}
