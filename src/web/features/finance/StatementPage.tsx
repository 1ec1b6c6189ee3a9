import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import type { MunicipalityStatement } from '../../../shared/finance/statements.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { query, useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink, LoadState, ScrollRegion, Section } from '../../app/ui.tsx';
import { formatAchievement } from '../benefits/index.ts';
import { projectPath, useProjectMessages } from '../projects/index.ts';
import { useKroner, useHours } from '../../app/format.ts';
import { FinanceFrame, financePath, useFinanceYear, YearSelect } from './FinanceFrame.tsx';
import { RateNote, ScheduleNote } from './FinanceOverviewPage.tsx';
import { useStatementMessages } from './statement-messages.ts';
import { DataTable } from '../../app/table.tsx';
import { TotalsTable } from './finance-parts.tsx';

const whole = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

/**
 * `/n/:slug/okonomi/kommuner/:number?aar=`: one municipality's statement for a year, what it pays, contributes and
 * takes part in, and the same as a PDF for its chief executive.
 */
export function StatementPage() {
  const { m } = useI18n();
  const sm = useStatementMessages();
  const { number = '' } = useParams();
  const [year, setYear] = useFinanceYear();
  const { slug = '' } = useParams();
  const path = `/networks/${encodeURIComponent(slug)}/finance/statements/${encodeURIComponent(number)}`;
  const statement = useApi<MunicipalityStatement>(`${path}${query({ year })}`);
  return (
    <FinanceFrame
      title={() =>
        statement.data
          ? fmt(sm.statement.title, { municipality: statement.data.municipality.name, year })
          : statement.error
            ? m.notFound.title
            : undefined
      }
      lead={(n) => (
        <Paragraph data-size="sm">
          <AppLink to={`${financePath(n.slug)}${query({ aar: year })}`}>{fmt(sm.statement.back, { name: n.name })}</AppLink>
        </Paragraph>
      )}
    >
      {(n) => (
        <div className="dr-stack">
          <YearSelect year={year} onYear={setYear} label={sm.year} />
          <LoadState loaded={statement}>
            {(s) => <StatementView network={n} statement={s} pdfUrl={`/api${path}/pdf${query({ year })}`} />}
          </LoadState>
        </div>
      )}
    </FinanceFrame>
  );
}

function StatementView({ network, statement: s, pdfUrl }: { network: NetworkOverview; statement: MunicipalityStatement; pdfUrl: string }) {
  const { lang } = useI18n();
  const sm = useStatementMessages();
  const t = sm.statement;
  const pm = useProjectMessages();
  const kroner = useKroner();
  const hours = useHours();
  return (
    <>
      <dl className="dr-facts">
        <dt>{t.network}</dt>
        <dd>{s.network.name}</dd>
        <dt>{t.population}</dt>
        <dd>{fmt(t.populationOf, { population: whole.format(s.municipality.population), year: s.municipality.populationYear })}</dd>
      </dl>
      <Paragraph>
        <Link href={pdfUrl} download>
          {t.pdf}
        </Link>
      </Paragraph>

      <Section id="pays-heading" title={t.pays} className="dr-section dr-stack">
        <ScrollRegion label={t.pays}>
          <Table zebra>
            <caption>{t.pays}</caption>
            <Table.Body>
              <Table.Row>
                <Table.HeaderCell scope="row">{t.fee}</Table.HeaderCell>
                <Table.Cell>{s.fee === null ? '–' : kroner(s.fee)}</Table.Cell>
              </Table.Row>
              <Table.Row>
                <Table.HeaderCell scope="row">{fmt(t.shares, { year: s.year })}</Table.HeaderCell>
                <Table.Cell>{kroner(s.projectShares)}</Table.Cell>
              </Table.Row>
            </Table.Body>
            <tfoot>
              <Table.Row>
                <Table.HeaderCell scope="row">{t.total}</Table.HeaderCell>
                <Table.Cell>{kroner(s.pays)}</Table.Cell>
              </Table.Row>
            </tfoot>
          </Table>
        </ScrollRegion>
        <ScheduleNote schedule={s.schedule} year={s.year} />
      </Section>

      <Section id="projects-heading" title={t.takesPart} className="dr-section dr-stack">
        {s.projects.length === 0 ? (
          <Paragraph>{fmt(t.noProjects, { year: s.year })}</Paragraph>
        ) : (
          <>
            <DataTable
              caption={fmt(t.projectsCaption, { year: s.year, municipality: s.municipality.name })}
              columns={[t.project, t.phase, t.costTotal, t.wholePeriod, fmt(t.inYear, { year: s.year }), t.benefits]}
            >
              {s.projects.map((p) => (
                <Table.Row key={p.id}>
                  <Table.HeaderCell scope="row">
                    <AppLink to={projectPath(network.slug, p.id)}>{`${p.reference} ${p.title}`}</AppLink>
                  </Table.HeaderCell>
                  <Table.Cell>{pm.phases[p.phase as keyof typeof pm.phases] ?? p.phase}</Table.Cell>
                  <Table.Cell>{p.costTotal === null ? t.notFinanced : kroner(p.costTotal)}</Table.Cell>
                  <Table.Cell>{p.share === null ? '–' : kroner(p.share)}</Table.Cell>
                  <Table.Cell>{p.shareInYear === null ? '–' : kroner(p.shareInYear)}</Table.Cell>
                  <Table.Cell>{formatAchievement(lang, p.benefits.achievement)}</Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
            <Paragraph data-size="sm">{t.sharesNote}</Paragraph>
          </>
        )}
        <Paragraph>
          {s.benefits.achievement === null
            ? t.benefitsNone
            : fmt(t.benefitsSummary, {
                achievement: formatAchievement(lang, s.benefits.achievement),
                measured: s.benefits.measuredBenefitCount,
                count: s.benefits.benefitCount,
              })}
        </Paragraph>
      </Section>

      <Section id="contributes-heading" title={t.contributes} className="dr-section dr-stack">
        <TotalsTable
          caption={fmt(t.effortCaption, { year: s.year })}
          columns={[t.project, t.hours, t.value]}
          foot={{ label: t.total, cells: [hours(s.ownEffortHours), kroner(s.ownEffortValue)] }}
        >
          {s.ownEffort.map((line) => (
            <Table.Row key={line.projectId ?? 'common'}>
              <Table.HeaderCell scope="row">{line.projectId === null ? t.commonWork : `${line.reference} ${line.title}`}</Table.HeaderCell>
              <Table.Cell>{hours(line.hours)}</Table.Cell>
              <Table.Cell>{kroner(line.value)}</Table.Cell>
            </Table.Row>
          ))}
        </TotalsTable>
        <RateNote rate={s.hourlyRate} year={s.year} />
      </Section>
    </>
  );
}
