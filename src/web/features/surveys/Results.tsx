import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { filterScorecard, filterTrend } from '../../../shared/mapping/survey-results-filter.ts';
import type { MaturityTrend, Round, Scorecard } from '../../../shared/mapping/surveys.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { useApi, type Loaded } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { FilterDisclosure, LoadState, ScrollRegion, Section } from '../../app/ui.tsx';
import { useSurveyMessages } from './messages.ts';
import { asQuery, exportPath, readResultsFilter, resultsSearch, type PageFilter } from './results-filter.ts';
import { ResultsFilterForm } from './ResultsFilterForm.tsx';
import { HeadRow } from '../../app/table.tsx';

/** A wide table that may scroll sideways: a named region keyboard users can focus and scroll. */
function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return <ScrollRegion label={label}>{children}</ScrollRegion>;
}

function useScore() {
  const { lang } = useI18n();
  const format = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const signed = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  return {
    score: (value: number | null | undefined) => (value === null || value === undefined ? '–' : format.format(value)),
    change: (value: number | null | undefined) => (value === null || value === undefined ? null : signed.format(value)),
  };
}

/**
 * The round's results: a filter by municipality and dimension kept in the address, the scorecard as a table with
 * a bar chart of the network average, maturity over the rounds, exports that carry the filter, and the answers
 * per question. The page fetches the whole results once and narrows them with the exports' own filter function,
 * so the filter's choices stay complete and the page shows what the files hold.
 */
export function RoundResults({ round, networkSlug }: { round: Round; networkSlug: string }) {
  const sm = useSurveyMessages();
  const [params] = useSearchParams();
  const card = useApi<Scorecard>(`/survey-rounds/${round.id}/scorecard`);
  const trendPath = `/networks/${encodeURIComponent(networkSlug)}/survey-templates/${round.templateId}/trend`;
  const trend = useApi<MaturityTrend>(trendPath);
  return (
    <Section id="results-heading" title={sm.results.heading} className="dr-section dr-stack">
      <LoadState loaded={card}>
        {(whole) => {
          if (round.submittedCount === 0) return <Paragraph>{sm.results.noneYet}</Paragraph>;
          const read = readResultsFilter(params);
          // The round's dimensions are every dimension the exports know (the trend holds this round too).
          const filter = { ...read, dimensions: read.dimensions.filter((key) => whole.sections.some((s) => s.key === key)) };
          const c = filterScorecard(whole, asQuery(filter));
          // The round's municipalities and any that answered an earlier round, for the trend.
          const names = new Map([...(trend.data?.municipalities ?? []), ...whole.municipalities].map((m) => [m.number, m.name]));
          const municipalities = [...names].map(([number, name]) => ({ number, name })).sort((a, b) => compareNorwegian(a.name, b.name));
          const search = resultsSearch(filter);
          return (
            <>
              <FilterDisclosure active={filter.municipalities.length + filter.dimensions.length}>
                <ResultsFilterForm key={search} filter={filter} municipalities={municipalities} dimensions={whole.sections} />
              </FilterDisclosure>
              <Paragraph data-size="sm" className="dr-muted">
                {sm.filter.averageNote}
              </Paragraph>
              <Paragraph data-size="sm" className="dr-downloads">
                <Link href={exportPath(`/survey-rounds/${round.id}/scorecard/export`, filter, 'xlsx')} download>
                  {sm.results.exportXlsx}
                </Link>{' '}
                <Link href={exportPath(`/survey-rounds/${round.id}/scorecard/export`, filter, 'csv')} download>
                  {sm.results.exportCsv}
                </Link>
              </Paragraph>
              {c.sections.length > 0 && round.definition.scale ? (
                <ScorecardView card={c} scale={round.definition.scale} />
              ) : (
                <Paragraph>{sm.results.noScale}</Paragraph>
              )}
              {whole.sections.length > 0 && <Trend trend={trend} exportBase={`${trendPath}/export`} filter={filter} />}
              <QuestionResults card={c} byMunicipality={filter.municipalities.length > 0} />
            </>
          );
        }}
      </LoadState>
    </Section>
  );
}

function ScorecardView({ card, scale }: { card: Scorecard; scale: { min: number; max: number } }) {
  const sm = useSurveyMessages();
  const { score, change } = useScore();
  const r = sm.results;
  const cell = (value: number | null | undefined, delta: number | null | undefined) => {
    const d = change(delta);
    return d === null ? score(value) : fmt(r.changeCell, { value: score(value), change: d });
  };
  const caption = card.previousRound
    ? fmt(r.scorecardCaptionChange, { min: scale.min, max: scale.max, previous: card.previousRound.name })
    : fmt(r.scorecardCaption, { min: scale.min, max: scale.max });
  const averageChange = (key: string) => {
    const now = card.networkAverage[key];
    const before = card.previousNetworkAverage?.[key];
    return now === null || now === undefined || before === null || before === undefined ? null : Math.round((now - before) * 100) / 100;
  };
  const width = (value: number | null | undefined) =>
    value === null || value === undefined ? 0 : Math.max(0, Math.min(100, ((value - scale.min + 1) / (scale.max - scale.min + 1)) * 100));
  return (
    <>
      <Heading level={3} data-size="sm">
        {r.scoreHeading}
      </Heading>
      <ScrollTable label={caption}>
        <Table zebra data-size="sm">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{r.municipality}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{r.respondents}</Table.HeaderCell>
              {card.sections.map((s) => (
                <Table.HeaderCell scope="col" key={s.key}>
                  {s.title}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {card.municipalities.map((m) => (
              <Table.Row key={m.number}>
                <Table.HeaderCell scope="row">{m.name}</Table.HeaderCell>
                <Table.Cell>{m.respondents}</Table.Cell>
                {card.sections.map((s) => (
                  <Table.Cell key={s.key}>{cell(m.scores[s.key], m.change[s.key])}</Table.Cell>
                ))}
              </Table.Row>
            ))}
            <Table.Row className="dr-survey-average">
              <Table.HeaderCell scope="row">{r.average}</Table.HeaderCell>
              <Table.Cell />
              {card.sections.map((s) => (
                <Table.Cell key={s.key}>{cell(card.networkAverage[s.key], averageChange(s.key))}</Table.Cell>
              ))}
            </Table.Row>
          </Table.Body>
        </Table>
      </ScrollTable>
      <figure className="dr-survey-chart" aria-labelledby="chart-heading">
        <figcaption>
          <Heading level={3} data-size="sm" id="chart-heading">
            {r.chartHeading}
          </Heading>
          <Paragraph data-size="sm" className="dr-muted">
            {fmt(r.chartDescription, { min: scale.min, max: scale.max })}
          </Paragraph>
        </figcaption>
        <ul>
          {card.sections.map((s) => (
            <li key={s.key}>
              <span className="dr-survey-bar-label">{s.title}</span>
              <span className="dr-survey-bar-track">
                <span className="dr-survey-bar" style={{ width: `${width(card.networkAverage[s.key])}%` }} />
                {card.previousNetworkAverage && (
                  <span
                    className="dr-survey-bar dr-survey-bar-previous"
                    style={{ width: `${width(card.previousNetworkAverage[s.key])}%` }}
                  />
                )}
              </span>
              <span className="dr-survey-bar-value">
                {r.chartCurrent}: {score(card.networkAverage[s.key])}
                {card.previousNetworkAverage && (
                  <>
                    {' '}
                    · {r.chartPrevious}: {score(card.previousNetworkAverage[s.key])}
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      </figure>
    </>
  );
}

/**
 * Maturity over the template's rounds: a table per dimension, a row per municipality and the network average
 * last, a column per round; narrowed by the page's filter.
 */
function Trend({ trend, exportBase, filter }: { trend: Loaded<MaturityTrend>; exportBase: string; filter: PageFilter }) {
  const sm = useSurveyMessages();
  const { date } = useI18n();
  const { score } = useScore();
  const t = sm.trend;
  return (
    <LoadState loaded={trend}>
      {(whole) => {
        if (whole.rounds.length < 2) return null;
        const data = filterTrend(whole, asQuery(filter));
        return (
          <div className="dr-stack">
            <Heading level={3} data-size="sm">
              {sm.list.trend}
            </Heading>
            {data.sections.map((s) => {
              const caption = fmt(t.caption, { section: s.title });
              return (
                <ScrollTable key={s.key} label={caption}>
                  <Table zebra data-size="sm">
                    <caption>{caption}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell scope="col">{t.municipality}</Table.HeaderCell>
                        {data.rounds.map((r) => (
                          <Table.HeaderCell scope="col" key={r.id}>
                            {r.name} ({date(r.deadline)})
                          </Table.HeaderCell>
                        ))}
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {data.municipalities.map((m) => (
                        <Table.Row key={m.number}>
                          <Table.HeaderCell scope="row">{m.name}</Table.HeaderCell>
                          {data.rounds.map((r, i) => (
                            <Table.Cell key={r.id}>{score(m.byRound[i]?.[s.key])}</Table.Cell>
                          ))}
                        </Table.Row>
                      ))}
                      <Table.Row className="dr-survey-average">
                        <Table.HeaderCell scope="row">{sm.results.average}</Table.HeaderCell>
                        {data.rounds.map((r) => (
                          <Table.Cell key={r.id}>{score(r.networkAverage[s.key])}</Table.Cell>
                        ))}
                      </Table.Row>
                    </Table.Body>
                  </Table>
                </ScrollTable>
              );
            })}
            <Paragraph data-size="sm" className="dr-downloads">
              <Link href={exportPath(exportBase, filter, 'xlsx')} download>
                {t.exportXlsx}
              </Link>{' '}
              <Link href={exportPath(exportBase, filter, 'csv')} download>
                {t.exportCsv}
              </Link>
            </Paragraph>
          </div>
        );
      }}
    </LoadState>
  );
}

/** The answers per question of the chosen dimensions; they are counted over every municipality that answered. */
function QuestionResults({ card, byMunicipality }: { card: Scorecard; byMunicipality: boolean }) {
  const sm = useSurveyMessages();
  const { score } = useScore();
  const r = sm.results;
  return (
    <div className="dr-stack">
      <Heading level={3} data-size="sm">
        {r.questionsHeading}
      </Heading>
      {byMunicipality && (
        <Paragraph data-size="sm" className="dr-muted">
          {sm.filter.questionsNote}
        </Paragraph>
      )}
      {card.questions.map((q) => (
        <div key={q.key} className="dr-survey-question-result">
          <Paragraph>
            <strong>{q.text}</strong>
            <br />
            {fmt(r.answered, { count: q.answered })}
            {q.mean !== null && <> · {fmt(r.mean, { value: score(q.mean) })}</>}
          </Paragraph>
          {q.counts && (
            <ScrollRegion label={fmt(r.countCaption, { question: q.text })}>
              <Table data-size="sm">
                <caption className="dr-visually-hidden">{fmt(r.countCaption, { question: q.text })}</caption>
                <HeadRow cells={[r.option, r.count]} />
                <Table.Body>
                  {Object.entries(q.counts).map(([option, n]) => (
                    <Table.Row key={option}>
                      <Table.Cell>{option}</Table.Cell>
                      <Table.Cell>{n}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
          )}
          {q.texts && q.texts.length > 0 && (
            <ul className="dr-survey-texts" aria-label={fmt(r.countCaption, { question: q.text })}>
              {q.texts.map((x, i) => (
                <li key={i} className="dr-pre-line">
                  {x.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
