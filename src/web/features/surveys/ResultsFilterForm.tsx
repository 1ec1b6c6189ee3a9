import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, Checkbox, Fieldset } from '@digdir/designsystemet-react';
import { ButtonRow } from '../../app/ui.tsx';
import { useSurveyMessages } from './messages.ts';
import { resultsSearch, type PageFilter } from './results-filter.ts';

/** A group of checkboxes over a list of choices, kept as the chosen values. */
function CheckboxGroup({
  legend,
  description,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  description: string;
  options: Array<{ value: string; label: string }>;
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description>{description}</Fieldset.Description>
      <div className="dr-survey-checkbox-grid">
        {options.map((o) => (
          <Checkbox
            key={o.value}
            label={o.label}
            value={o.value}
            data-size="sm"
            checked={chosen.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
          />
        ))}
      </div>
    </Fieldset>
  );
}

/**
 * The results' filter: municipalities and dimensions (the survey's scored sections). Like the mapping dashboards'
 * filter it lives in the address, so a filtered result can be shared and the back button undoes it.
 */
export function ResultsFilterForm({
  filter,
  municipalities,
  dimensions,
}: {
  filter: PageFilter;
  municipalities: Array<{ number: string; name: string }>;
  dimensions: Array<{ key: string; title: string }>;
}) {
  const sm = useSurveyMessages();
  const f = sm.filter;
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [chosenMunicipalities, setChosenMunicipalities] = useState(filter.municipalities);
  const [chosenDimensions, setChosenDimensions] = useState(filter.dimensions);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // In the order of the lists, so the same choice gives the same address.
    void navigate(
      `${pathname}${resultsSearch({
        municipalities: municipalities.map((m) => m.number).filter((n) => chosenMunicipalities.includes(n)),
        dimensions: dimensions.map((d) => d.key).filter((k) => chosenDimensions.includes(k)),
      })}`,
    );
  };
  const clear = () => {
    setChosenMunicipalities([]);
    setChosenDimensions([]);
    void navigate(pathname);
  };

  return (
    <form onSubmit={submit} className="dr-survey-filter" aria-label={f.heading}>
      <CheckboxGroup
        legend={f.municipalities}
        description={f.municipalitiesHelp}
        options={municipalities.map((m) => ({ value: m.number, label: m.name }))}
        chosen={chosenMunicipalities}
        onChange={setChosenMunicipalities}
      />
      {dimensions.length > 0 && (
        <CheckboxGroup
          legend={f.dimensions}
          description={f.dimensionsHelp}
          options={dimensions.map((d) => ({ value: d.key, label: d.title }))}
          chosen={chosenDimensions}
          onChange={setChosenDimensions}
        />
      )}
      <ButtonRow>
        <Button type="submit">{f.apply}</Button>
        <Button type="button" variant="secondary" onClick={clear}>
          {f.clear}
        </Button>
      </ButtonRow>
    </form>
  );
}
