import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { LessonSearchResult } from '../../../shared/portfolio/lessons.ts';
import { PHASES, type Phase } from '../../../shared/portfolio/projects.ts';
import { query, useApi } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { NetworkTitledPage } from '../../app/network-titled-page.tsx';
import { AppLink, ButtonRow, LoadState } from '../../app/ui.tsx';
import { FilterSelect } from '../../app/forms.tsx';
import { optionsOf } from '../../app/form-parts.tsx';
import { useProjectMessages } from '../projects/index.ts';
import { useFocusAreas } from '../proposals/index.ts';
import { LessonList } from './LessonList.tsx';
import { lessonsPath, networkLessonsApi } from './lessons-api.ts';
import { useLessonMessages } from './messages.ts';
import './lessons.css';

/** The search as kept in the page's address: words, phase, focus area, and whether other networks' shared ones count. */
interface SearchState {
  q: string;
  phase: Phase | '';
  focusArea: string;
  scope: 'all' | 'network';
}

function readState(params: URLSearchParams): SearchState {
  const phase = params.get('fase') ?? '';
  return {
    q: params.get('q') ?? '',
    phase: (PHASES as readonly string[]).includes(phase) ? (phase as Phase) : '',
    focusArea: params.get('innsatsomrade') ?? '',
    scope: params.get('hvor') === 'nettverket' ? 'network' : 'all',
  };
}
const pageSearch = (s: SearchState) =>
  query({ q: s.q, fase: s.phase, innsatsomrade: s.focusArea, hvor: s.scope === 'network' ? 'nettverket' : undefined });
const apiSearch = (s: SearchState) => query({ q: s.q, phase: s.phase, focusAreas: s.focusArea, scope: s.scope });

/**
 * `/n/:slug/prosjekter/erfaringer`: the lessons learned of the network's projects and the shareable ones of other
 * networks, for the portfolio's readers, searched by words, phase and focus area; the search is in the address.
 */
export function LessonsPage() {
  const t = useLessonMessages();
  return <NetworkTitledPage title={t.pageTitle}>{(network) => <LessonsSearch network={network} />}</NetworkTitledPage>;
}

function LessonsSearch({ network }: { network: NetworkOverview }) {
  const t = useLessonMessages();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = readState(params);
  const found = useApi<LessonSearchResult>(networkLessonsApi(network.id, apiSearch(state)));
  return (
    <div className="dr-stack">
      <Paragraph>
        <AppLink to={`/n/${network.slug}/prosjekter`}>{t.backToPortfolio}</AppLink>
      </Paragraph>
      <Paragraph>{t.pageIntro}</Paragraph>
      <SearchForm
        key={params.toString()}
        network={network}
        state={state}
        onApply={(next) => void navigate(lessonsPath(network.slug, pageSearch(next)))}
      />
      <LoadState loaded={found}>
        {(result) => (
          <section aria-labelledby="lesson-results" className="dr-stack">
            <Heading level={2} data-size="sm" id="lesson-results" aria-live="polite">
              {result.lessons.length === 1 ? t.oneResult : fmt(t.results, { count: result.lessons.length })}
            </Heading>
            {result.lessons.length === 0 ? (
              <Paragraph>{t.noResults}</Paragraph>
            ) : (
              <LessonList lessons={result.lessons} networkSlug={network.slug} />
            )}
            {result.more && <Paragraph data-size="sm">{fmt(t.more, { count: result.lessons.length })}</Paragraph>}
          </section>
        )}
      </LoadState>
    </div>
  );
}

function SearchForm({ network, state, onApply }: { network: NetworkOverview; state: SearchState; onApply: (next: SearchState) => void }) {
  const t = useLessonMessages();
  const pm = useProjectMessages();
  const focusAreas = useFocusAreas(network.slug);
  const [q, setQ] = useState(state.q);
  const [phase, setPhase] = useState<string>(state.phase);
  const [focusArea, setFocusArea] = useState(state.focusArea);
  const [scope, setScope] = useState<string>(state.scope);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(readState(new URLSearchParams({ q, fase: phase, innsatsomrade: focusArea, hvor: scope === 'network' ? 'nettverket' : '' })));
  };
  const filtered = state.q || state.phase || state.focusArea || state.scope === 'network';
  return (
    <form role="search" onSubmit={submit} className="dr-project-filter" aria-labelledby="lesson-search-heading">
      <Heading level={2} data-size="xs" id="lesson-search-heading">
        {t.searchHeading}
      </Heading>
      <Textfield label={t.searchField} type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
      <div className="dr-toolbar">
        <FilterSelect label={t.phase} value={phase} onChange={setPhase} all={t.allPhases} options={optionsOf(PHASES, pm.phases)} />
        <FilterSelect
          label={t.focusAreas}
          value={focusArea}
          onChange={setFocusArea}
          all={t.allFocusAreas}
          options={focusAreas.map((a) => ({ value: a.key, label: a.title }))}
        />
        <Field>
          <Label>{t.scope}</Label>
          <Select value={scope} onChange={(e) => setScope(e.target.value)}>
            <Select.Option value="all">{t.scopes.all}</Select.Option>
            <Select.Option value="network">{t.scopes.network}</Select.Option>
          </Select>
        </Field>
      </div>
      <ButtonRow>
        <Button type="submit">{t.search}</Button>
        {filtered && (
          <Button type="button" variant="tertiary" onClick={() => onApply({ q: '', phase: '', focusArea: '', scope: 'all' })}>
            {t.clear}
          </Button>
        )}
      </ButtonRow>
    </form>
  );
}
