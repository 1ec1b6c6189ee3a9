import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { LOCAL_DECISION_STATUSES, type AdoptionOverview } from '../../../shared/strategy/schema.ts';
import { useApi } from '../../app/api.ts';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink, LoadState, ScrollRegion } from '../../app/ui.tsx';
import { useStrategyMessages } from './messages.ts';
import { adoptionExportUrl, localVersionPath, osloDay, strategyPath } from './strategy-api.ts';
import { DecisionTag } from './StrategyDocument.tsx';
import { BackLink, StrategyFrame, usePageTitle, useStrategyFrame } from './StrategyFrame.tsx';
import './strategy.css';

/** `/n/:slug/strategi/:strategyId/kommuner`: which member municipality has adopted which published version. */
export function AdoptionPage() {
  const sm = useStrategyMessages();
  const { network, strategy } = useStrategyFrame();
  const title = usePageTitle([network, strategy], () => fmt(sm.adoption.title, { title: strategy.data?.title ?? '' }));
  const overview = useApi<AdoptionOverview>(strategy.data ? `/strategies/${strategy.data.id}/adoptions` : null);
  return (
    <StrategyFrame title={title} strategy={strategy}>
      {(n, s) => (
        <div className="dr-stack">
          <BackLink to={strategyPath(n.slug, s.id)}>{fmt(sm.common.back, { name: s.title })}</BackLink>
          <Paragraph>{sm.adoption.intro}</Paragraph>
          <Downloads
            links={exportLinks((format) => adoptionExportUrl(s.id, format), { xlsx: sm.common.downloadXlsx, csv: sm.common.downloadCsv })}
          />
          <LoadState loaded={overview}>
            {(o) => (
              <AdoptionTable
                overview={o}
                title={s.title}
                linkTo={(number, versionId) => localVersionPath(n.slug, s.id, versionId, number)}
              />
            )}
          </LoadState>
          <AdoptionLegend />
        </div>
      )}
    </StrategyFrame>
  );
}

/**
 * One row per member municipality, one column per published version; each cell the decision's status in words and
 * colour, its date and case number. With `linkTo`, each municipality links to its version of the newest published one.
 */
export function AdoptionTable({
  overview,
  title,
  linkTo,
}: {
  overview: AdoptionOverview;
  title: string;
  linkTo?: (number: string, versionId: string) => string;
}) {
  const sm = useStrategyMessages();
  const { date } = useI18n();
  const a = sm.adoption;
  // The overview lists versions oldest first or newest first; the newest published is the highest number.
  const versions = [...overview.versions].sort((x, y) => y.number - x.number);
  const newest = versions[0];
  if (!newest) return <Paragraph>{a.none}</Paragraph>;
  if (overview.municipalities.length === 0) return <Paragraph>{a.noMembers}</Paragraph>;
  return (
    <ScrollRegion label={`${fmt(a.caption, { title })} (${a.scroll})`}>
      <Table zebra>
        <caption>{fmt(a.caption, { title })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{a.municipality}</Table.HeaderCell>
            {versions.map((v) => (
              <Table.HeaderCell scope="col" key={v.id}>
                {fmt(a.versionColumn, { n: v.number })}
                {v.publishedAt && (
                  <>
                    <br />
                    <span className="dr-muted">{date(osloDay(v.publishedAt))}</span>
                  </>
                )}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {overview.municipalities.map((m) => (
            <Table.Row key={m.number}>
              <Table.HeaderCell scope="row">
                {linkTo ? <AppLink to={linkTo(m.number, newest.id)}>{m.name}</AppLink> : m.name}
              </Table.HeaderCell>
              {versions.map((v) => {
                const d = m.decisions.find((x) => x.strategyVersionId === v.id);
                return (
                  <Table.Cell key={v.id}>
                    <span className="dr-strategy-cell">
                      <DecisionTag status={d?.status ?? 'notStarted'} />
                      {d?.date && <span>{date(d.date)}</span>}
                      {d?.caseNumber && <span>{fmt(a.caseNumber, { value: d.caseNumber })}</span>}
                      {d?.bodyName && <span>{fmt(a.decidedBy, { value: d.bodyName })}</span>}
                    </span>
                  </Table.Cell>
                );
              })}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

/** What each decision status means. */
export function AdoptionLegend({ level = 2, id = 'adoption-legend' }: { level?: 2 | 3; id?: string }) {
  const sm = useStrategyMessages();
  return (
    <section className="dr-stack" aria-labelledby={id}>
      <Heading level={level} data-size="xs" id={id}>
        {sm.adoption.legend}
      </Heading>
      <dl className="dr-strategy-legend">
        {LOCAL_DECISION_STATUSES.map((status) => (
          <div key={status} style={{ display: 'contents' }}>
            <dt>
              <DecisionTag status={status} />
            </dt>
            <dd>{sm.decisionDescriptions[status]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
