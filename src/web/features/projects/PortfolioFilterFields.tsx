import type { ReactNode } from 'react';
import { Button, Heading } from '@digdir/designsystemet-react';
import { PHASES } from '../../../shared/portfolio/projects.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { Programme } from '../../../shared/portfolio/programmes.ts';
import { useApi } from '../../app/api.ts';
import { FilterSelect } from '../../app/forms.tsx';
import { ButtonRow } from '../../app/ui.tsx';
import { currentMembers, useFocusAreas } from '../proposals/index.ts';
import { useProjectMessages } from './messages.ts';
import { useProgrammeMessages } from './programme-messages.ts';

/** The portfolio's filter choices as a form holds them until it is sent; '' is «all». */
export interface PortfolioChoices {
  phase: string;
  focusArea: string;
  municipality: string;
  /** Absent where the view does not filter by programme. */
  programme?: string;
}

/**
 * The choices the portfolio, the risk map and the prioritization matrix filter by: phase, focus area, municipality
 * and, where the view has it, programme. A focus area in the address that the strategy no longer has stays choosable.
 */
export function PortfolioFilterFields({
  network,
  choices,
  onChange,
  municipalityLabel,
}: {
  network: NetworkOverview;
  choices: PortfolioChoices;
  onChange: (next: PortfolioChoices) => void;
  municipalityLabel?: string;
}) {
  const pm = useProjectMessages();
  const gm = useProgrammeMessages();
  const f = pm.filter;
  const focusAreas = useFocusAreas(network.slug);
  const byProgramme = choices.programme !== undefined;
  const programmes = useApi<Programme[]>(byProgramme ? `/networks/${network.id}/programmes` : null).data ?? [];
  const areas =
    choices.focusArea && !focusAreas.some((a) => a.key === choices.focusArea)
      ? [...focusAreas, { key: choices.focusArea, title: choices.focusArea }]
      : focusAreas;
  const set = (part: Partial<PortfolioChoices>) => onChange({ ...choices, ...part });
  return (
    <>
      <FilterSelect
        label={f.phase}
        all={f.allPhases}
        value={choices.phase}
        onChange={(phase) => set({ phase })}
        options={PHASES.map((p) => ({ value: p, label: pm.phases[p] }))}
      />
      <FilterSelect
        label={f.focusArea}
        all={f.allFocusAreas}
        value={choices.focusArea}
        onChange={(focusArea) => set({ focusArea })}
        options={areas.map((a) => ({ value: a.key, label: a.title }))}
      />
      <FilterSelect
        label={municipalityLabel ?? f.municipality}
        all={f.allMunicipalities}
        value={choices.municipality}
        onChange={(municipality) => set({ municipality })}
        options={currentMembers(network).map((x) => ({ value: x.number, label: x.name }))}
      />
      {byProgramme && (
        <FilterSelect
          label={gm.filter}
          all={gm.allProgrammes}
          value={choices.programme ?? ''}
          onChange={(programme) => set({ programme })}
          options={programmes.map((p) => ({ value: p.id, label: p.name }))}
          after={{ value: 'none', label: gm.noProgramme }}
        />
      )}
    </>
  );
}

/**
 * A portfolio view's filter form: its heading, the fields in a row, «apply» and, while a filter is in use, «clear».
 * Nothing changes until it is sent.
 */
export function PortfolioFilterForm({
  headingId,
  applyLabel,
  filtered,
  onApply,
  onClear,
  children,
}: {
  headingId: string;
  applyLabel: string;
  filtered: boolean;
  onApply: () => void;
  onClear: () => void;
  children: ReactNode;
}) {
  const f = useProjectMessages().filter;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
      className="dr-project-filter"
      aria-labelledby={headingId}
    >
      <Heading level={2} data-size="xs" id={headingId}>
        {f.heading}
      </Heading>
      <div className="dr-toolbar">{children}</div>
      <ButtonRow>
        <Button type="submit" variant="secondary">
          {applyLabel}
        </Button>
        {filtered && (
          <Button type="button" variant="tertiary" onClick={onClear}>
            {f.clear}
          </Button>
        )}
      </ButtonRow>
    </form>
  );
}
