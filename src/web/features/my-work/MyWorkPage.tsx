import { useState, type ReactNode } from 'react';
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { DueMeasurement, MyWork } from '../../../shared/myWork/schema.ts';
import { useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { lazySection } from '../../app/lazy.tsx';
import { Page } from '../../app/Page.tsx';
import { useSession } from '../../app/session.tsx';
import { AppLink, ButtonRow, LoadState, SuccessMessage } from '../../app/ui.tsx';
import { FollowedChanges } from '../follows/index.ts';
import { NetworksPage, NetworksTable } from '../network/index.ts';
import { useMyWorkMessages } from './messages.ts';
import './my-work.css';

/** `/`: «Mitt arbeid» first for a logged-in account, with the networks below; without login, the networks only. */
export function HomePage() {
  const { ready, user } = useSession();
  if (ready && user) return <MyWorkPage />;
  return <NetworksPage />;
}

function MyWorkPage() {
  const t = useMyWorkMessages();
  const work = useApi<MyWork>('/me/work');
  return (
    <Page title={t.title}>
      <Paragraph>{t.intro}</Paragraph>
      <LoadState loaded={work}>{(x) => <MyWorkView work={x} reload={work.reload} />}</LoadState>
      {work.data && <FollowedChanges />}
      <NetworksSection />
    </Page>
  );
}

/** A section with its h2, and what to do next when it is empty. */
function Section({ id, title, empty, children }: { id: string; title: string; empty: string | null; children: ReactNode }) {
  return (
    <section className="dr-section dr-my-work-section" aria-labelledby={id}>
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {empty !== null ? <Paragraph>{empty}</Paragraph> : children}
    </section>
  );
}

function MyWorkView({ work, reload }: { work: MyWork; reload: () => void }) {
  const t = useMyWorkMessages();
  const { date, dateTime } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const deadline = (d: string | null) => (d ? fmt(t.deadline, { date: d.length > 10 ? dateTime(d) : date(d) }) : null);
  return (
    <div className="dr-stack">
      <SuccessMessage message={status} />
      {!work.known && work.secretariat.length === 0 && work.municipalities.length === 0 && <Paragraph>{t.unknownPerson}</Paragraph>}

      {work.secretariat.map((s) => (
        <Section
          key={s.network.id}
          id={`secretariat-${s.network.slug}`}
          title={fmt(t.secretariat, { network: s.network.name })}
          empty={s.tasks.length === 0 ? t.secretariatEmpty : null}
        >
          <ul className="dr-my-work-list">
            {s.tasks.map((task) => (
              <li key={`${task.kind}-${task.id}`}>
                <span className="dr-my-work-kind">{t.taskKinds[task.kind]}</span> <AppLink to={task.href}>{task.title}</AppLink>
                {task.due && (
                  <span className={task.overdue ? 'dr-my-work-overdue' : 'dr-muted'}>
                    {' '}
                    {fmt(task.overdue ? t.overdue : t.due, { date: date(task.due) })}
                  </span>
                )}
                {task.kind === 'surveyRunning' && (
                  <Paragraph data-size="sm">
                    {task.missing.length > 0 ? fmt(t.missing, { names: task.missing.join(', ') }) : t.allAnswered}
                  </Paragraph>
                )}
              </li>
            ))}
          </ul>
          {s.moreStatusReportsDue > 0 && (
            <Paragraph data-size="sm">
              <AppLink to={`/n/${s.network.slug}/prosjekter`}>
                {fmt(t.statusReportsDueInAll, {
                  count: s.tasks.filter((task) => task.kind === 'statusReportDue').length + s.moreStatusReportsDue,
                })}
              </AppLink>
            </Paragraph>
          )}
        </Section>
      ))}

      {work.municipalities.length > 0 && (
        <Section id="my-municipality" title={t.municipalities} empty={null}>
          <ul className="dr-my-work-list">
            {work.municipalities.map((x) => (
              <li key={x.number}>
                <span className="dr-my-work-kind">{t.municipalityAs[x.as]}</span>{' '}
                <AppLink to={x.href}>{fmt(t.municipalityLink, { name: x.name })}</AppLink>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {work.known && (
        <>
          <Section id="my-meetings" title={t.meetings} empty={work.meetings.length === 0 ? t.meetingsEmpty : null}>
            <ul className="dr-my-work-list">
              {work.meetings.map((x) => (
                <li key={x.id}>
                  <AppLink to={x.href}>{fmt(t.meetingLine, { body: x.bodyName, date: date(x.date), time: x.startTime })}</AppLink>
                  <span className="dr-muted"> · {x.network.name}</span>{' '}
                  <Tag data-size="sm" data-color={x.attendance === 'absent' ? 'warning' : 'neutral'}>
                    {x.status === 'planned' ? t.notSummoned : t.attendance[x.attendance ?? 'called']}
                  </Tag>
                  {x.status === 'summoned' && x.attendance !== 'absent' && <Paragraph data-size="sm">{t.absenceHint}</Paragraph>}
                </li>
              ))}
            </ul>
          </Section>
          <Section id="my-answers" title={t.awaited} empty={work.awaited.length === 0 ? t.awaitedEmpty : null}>
            <Paragraph data-size="sm">{t.awaitedHint}</Paragraph>
            <ul className="dr-my-work-list">
              {work.awaited.map((x) => (
                <li key={`${x.kind}-${x.id}`}>
                  <span className="dr-my-work-kind">{t.awaitedKinds[x.kind]}</span> <AppLink to={x.href}>{x.title}</AppLink>
                  <span className="dr-muted">
                    {' '}
                    · {x.network.name}
                    {deadline(x.deadline) && ` · ${deadline(x.deadline)}`}
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        </>
      )}

      {work.projects.length > 0 && (
        <Section id="my-projects" title={t.projects} empty={null}>
          <ul className="dr-my-work-list">
            {work.projects.map((p) => (
              <li key={p.id}>
                <AppLink to={p.href}>{`${p.reference} ${p.title}`}</AppLink>{' '}
                <span className="dr-muted">· {p.roles.map((r) => t.roles[r]).join(', ')}</span>{' '}
                <Tag
                  data-size="sm"
                  data-color={p.light === 'red' ? 'danger' : p.light === 'yellow' ? 'warning' : p.light ? 'success' : 'neutral'}
                >
                  {p.light ? t.lights[p.light] : t.noLight}
                </Tag>
                {p.statusReportDue && <Paragraph data-size="sm">{fmt(t.reportDue, { period: p.statusReportDue })}</Paragraph>}
                {p.nextDecisionPoint && (
                  <Paragraph data-size="sm">
                    {fmt(t.nextPoint, { point: p.nextDecisionPoint.toUpperCase() })}{' '}
                    {p.lacks.length > 0
                      ? fmt(t.lacks, { documents: p.lacks.map((k) => t.documentKinds[k] ?? k).join(', ') })
                      : t.nothingLacking}
                  </Paragraph>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {(work.measurements.length > 0 || work.municipalities.length > 0) && (
        <Section id="my-measurements" title={t.measurements} empty={work.measurements.length === 0 ? t.measurementsEmpty : null}>
          <ul className="dr-my-work-list">
            {work.measurements.map((x) => (
              <li key={`${x.indicatorId}-${x.municipalityNumber}`}>
                <MeasurementItem
                  item={x}
                  onSaved={(message) => {
                    setStatus(message);
                    reload();
                  }}
                />
              </li>
            ))}
          </ul>
        </Section>
      )}

      {work.known && (
        <Section
          id="my-documents"
          title={t.documents}
          empty={work.previousVisit === null ? t.documentsFirst : work.newDocuments.length === 0 ? t.documentsEmpty : null}
        >
          <ul className="dr-my-work-list">
            {work.newDocuments.map((d) => (
              <li key={d.id}>
                <AppLink to={d.href}>{d.fileName}</AppLink>
                <span className="dr-muted">
                  {' '}
                  · {d.context} · {dateTime(d.addedAt)}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}

/**
 * The form to register a measurement, with its schema and the form kit: loaded when a measurement is to be registered,
 * so the start page itself stays light (the bundle budget, test/web-budget.test.ts).
 */
const MeasurementForm = lazySection(() => import('./MeasurementForm.tsx'), 'MeasurementForm');

/** A due measurement, with the form to register it right here where the account may. */
function MeasurementItem({ item, onSaved }: { item: DueMeasurement; onSaved: (message: string) => void }) {
  const t = useMyWorkMessages();
  const { date } = useI18n();
  const [open, setOpen] = useState(false);
  const line = fmt(t.measurementLine, { indicator: item.indicatorName, municipality: item.municipalityName });
  return (
    <>
      <AppLink to={item.href}>{line}</AppLink>
      <span className="dr-muted">
        {' '}
        · {item.project.reference} {item.project.title} · {fmt(t.measurementDue, { date: date(item.due) })}
      </span>
      {!item.canRegister ? (
        <Paragraph data-size="sm">{t.notYours}</Paragraph>
      ) : !open ? (
        <ButtonRow>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => setOpen(true)}
            aria-label={fmt(t.registerFor, { indicator: item.indicatorName, municipality: item.municipalityName })}
          >
            {t.register}
          </Button>
        </ButtonRow>
      ) : (
        <MeasurementForm item={item} onSaved={onSaved} onCancel={() => setOpen(false)} />
      )}
    </>
  );
}

/** The networks, as the page without login lists them: journeys and people start there. */
function NetworksSection() {
  const t = useMyWorkMessages();
  return (
    <section className="dr-section" aria-labelledby="my-work-networks">
      <Heading level={2} data-size="md" id="my-work-networks">
        {t.networks}
      </Heading>
      <NetworksTable />
    </section>
  );
}
