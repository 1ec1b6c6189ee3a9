import { useState, type ReactNode } from 'react';
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { MaturityTrend, Round, Scorecard } from '../../../shared/mapping/surveys.ts';
import { useApi } from '../../app/api.ts';
import { SelectField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { LoadState } from '../../app/ui.tsx';
import { useSurveyMessages } from './messages.ts';

/** A wide table that may scroll sideways: a named region keyboard users can focus and scroll. */
function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dr-table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
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

/** The round's results: the scorecard as a table with a bar chart of the network average, exports, and the answers per question. */
export function RoundResults({ round, networkSlug }: { round: Round; networkSlug: string }) {
  const sm = useSurveyMessages();
  const card = useApi<Scorecard>(`/survey-rounds/${round.id}/scorecard`);
  return (
    <section className="dr-section dr-stack" aria-labelledby="results-heading">
      <Heading level={2} data-size="md" id="results-heading">
        {sm.results.heading}
      </Heading>
      <Paragraph data-size="sm" className="dr-downloads">
        <Link href={`/api/survey-rounds/${round.id}/scorecard/export?format=xlsx`} download>
          {sm.results.exportXlsx}
        </Link>{' '}
        <Link href={`/api/survey-rounds/${round.id}/scorecard/export?format=csv`} download>
          {sm.results.exportCsv}
        </Link>
      </Paragraph>
      <LoadState loaded={card}>
        {(c) =>
          round.submittedCount === 0 ? (
            <Paragraph>{sm.results.noneYet}</Paragraph>
          ) : (
            <>
              {c.sections.length > 0 && round.definition.scale ? (
                <ScorecardView card={c} scale={round.definition.scale} />
              ) : (
                <Paragraph>{sm.results.noScale}</Paragraph>
              )}
              {c.sections.length > 0 && <Trend networkSlug={networkSlug} templateId={round.templateId} />}
              <QuestionResults card={c} />
            </>
          )
        }
      </LoadState>
    </section>
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

/** Maturity per section over the template's rounds, for the network or one municipality, as a table. */
function Trend({ networkSlug, templateId }: { networkSlug: string; templateId: string }) {
  const sm = useSurveyMessages();
  const { date } = useI18n();
  const { score } = useScore();
  const form = useForm();
  const [municipality, setMunicipality] = useState('');
  const trend = useApi<MaturityTrend>(`/networks/${encodeURIComponent(networkSlug)}/survey-templates/${templateId}/trend`);
  const t = sm.trend;
  return (
    <LoadState loaded={trend}>
      {(data) =>
        data.rounds.length < 2 ? null : (
          <div className="dr-stack">
            <Heading level={3} data-size="sm">
              {sm.list.trend}
            </Heading>
            <SelectField state={form} name="municipality" label={t.municipality} value={municipality} onChange={setMunicipality}>
              <option value="">{t.allMunicipalities}</option>
              {data.municipalities.map((m) => (
                <option key={m.number} value={m.number}>
                  {m.name}
                </option>
              ))}
            </SelectField>
            <ScrollTable label={sm.list.trend}>
              <Table zebra data-size="sm">
                <caption>
                  {municipality
                    ? fmt(t.caption, { municipality: data.municipalities.find((m) => m.number === municipality)?.name ?? '' })
                    : t.networkCaption}
                </caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t.section}</Table.HeaderCell>
                    {data.rounds.map((r) => (
                      <Table.HeaderCell scope="col" key={r.id}>
                        {r.name} ({date(r.deadline)})
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.sections.map((s) => (
                    <Table.Row key={s.key}>
                      <Table.HeaderCell scope="row">{s.title}</Table.HeaderCell>
                      {data.rounds.map((r, i) => {
                        const own = data.municipalities.find((m) => m.number === municipality)?.byRound[i]?.[s.key];
                        return <Table.Cell key={r.id}>{score(municipality ? own : r.networkAverage[s.key])}</Table.Cell>;
                      })}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollTable>
            <Paragraph data-size="sm" className="dr-downloads">
              <Link
                href={`/api/networks/${encodeURIComponent(networkSlug)}/survey-templates/${templateId}/trend/export?format=xlsx`}
                download
              >
                {t.exportXlsx}
              </Link>{' '}
              <Link
                href={`/api/networks/${encodeURIComponent(networkSlug)}/survey-templates/${templateId}/trend/export?format=csv`}
                download
              >
                {t.exportCsv}
              </Link>
            </Paragraph>
          </div>
        )
      }
    </LoadState>
  );
}

function QuestionResults({ card }: { card: Scorecard }) {
  const sm = useSurveyMessages();
  const { score } = useScore();
  const r = sm.results;
  return (
    <div className="dr-stack">
      <Heading level={3} data-size="sm">
        {r.questionsHeading}
      </Heading>
      {card.questions.map((q) => (
        <div key={q.key} className="dr-survey-question-result">
          <Paragraph>
            <strong>{q.text}</strong>
            <br />
            {fmt(r.answered, { count: q.answered })}
            {q.mean !== null && <> · {fmt(r.mean, { value: score(q.mean) })}</>}
          </Paragraph>
          {q.counts && (
            <div className="dr-table-wrap">
              <Table data-size="sm">
                <caption className="dr-visually-hidden">{fmt(r.countCaption, { question: q.text })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{r.option}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{r.count}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {Object.entries(q.counts).map(([option, n]) => (
                    <Table.Row key={option}>
                      <Table.Cell>{option}</Table.Cell>
                      <Table.Cell>{n}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
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
