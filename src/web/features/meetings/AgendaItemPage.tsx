import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { AgendaItem, Meeting, Vote, WrittenProcedure } from '../../../shared/meetings/schema.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { api, useApi } from '../../app/api.ts';
import { ConfirmForm, SuccessMessage } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { AppLink, ButtonRow, LoadState, ModalDialog, Section } from '../../app/ui.tsx';
import { FollowButton } from '../follows/index.ts';
import { useProjectMessages, projectPath } from '../projects/index.ts';
import { Attachments } from './Attachments.tsx';
import { CaseEditForm } from './CaseForm.tsx';
import { HandlingForm } from './HandlingForm.tsx';
import { ForwardForm, PostponeForm } from './ItemMoves.tsx';
import { itemPath, meetingPath, withItem } from './meeting-api.ts';
import { MeetingFrame, meetingTitle } from './MeetingPage.tsx';
import { MarkdownText } from './MarkdownText.tsx';
import { useMeetingMessages, type MeetingMessages } from './messages.ts';
import { StartWrittenProcedureForm } from './WrittenProcedure.tsx';
import { ItemTimingForm } from './Timings.tsx';
import { JointHandlingNote } from './JointHandling.tsx';
import './meetings.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';

const itemTitle = (mm: MeetingMessages, item: AgendaItem) =>
  item.number ? fmt(mm.item.title, { number: item.number, title: item.title }) : fmt(mm.item.titleUnnumbered, { title: item.title });

/** `/moter/:id/saker/:itemId`: one agenda item, its case and its handling in the meeting. */
export function AgendaItemPage() {
  const { m } = useI18n();
  const mm = useMeetingMessages();
  const { id = '', itemId = '' } = useParams();
  const meeting = useApi<Meeting>(`/meetings/${encodeURIComponent(id)}`);
  const item = meeting.data?.items.find((i) => i.id === itemId);
  const title = item ? itemTitle(mm, item) : meeting.data || meeting.error ? m.notFound.title : m.common.loading;
  return (
    <MeetingFrame meeting={meeting.data} item>
      <Page title={title}>
        <LoadState loaded={meeting}>
          {(mt) => {
            const found = mt.items.find((i) => i.id === itemId);
            return (
              <>
                {found && <FollowButton target={{ kind: 'case', id: found.caseId }} />}
                {found ? (
                  <ItemView meeting={mt} item={found} setMeeting={meeting.setData} reload={meeting.reload} />
                ) : (
                  <Alert data-color="warning">
                    <Paragraph>{mm.item.notFound}</Paragraph>
                    <Paragraph>
                      <AppLink to={meetingPath(mt.id)}>{meetingTitle(mm, mt, (d) => d)}</AppLink>
                    </Paragraph>
                  </Alert>
                )}
              </>
            );
          }}
        </LoadState>
      </Page>
    </MeetingFrame>
  );
}

type Dialog = { kind: 'postpone' } | { kind: 'forward' } | { kind: 'written' } | { kind: 'remove' };

function ItemView({
  meeting,
  item,
  setMeeting,
  reload,
}: {
  meeting: Meeting;
  item: AgendaItem;
  setMeeting: (meeting: Meeting) => void;
  reload: () => void;
}) {
  const { m, date, dateTime } = useI18n();
  const mm = useMeetingMessages();
  const navigate = useNavigate();
  const network = useNetwork();
  const admin = useNetworkCapabilities(meeting.networkId).administer;
  const editable = admin && !meeting.locked;
  const started = meeting.status !== 'planned';
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const setItem = (next: AgendaItem) => setMeeting(withItem(meeting, next));
  const close = () => setDialog(null);
  const reloadAndClose = () => {
    setDialog(null);
    reload();
  };
  const index = meeting.items.findIndex((i) => i.id === item.id);
  const previous = meeting.items[index - 1];
  const next = meeting.items[index + 1];
  const municipalities = network.members
    .filter((x) => x.isCurrent)
    .map((x) => ({ number: x.municipalityNumber, name: x.municipalityName }))
    .sort((a, b) => compareNorwegian(a.name, b.name));

  return (
    <div className="dr-stack">
      <Paragraph>
        <AppLink to={meetingPath(meeting.id)}>{fmt(mm.item.backToMeeting, { date: date(meeting.date) })}</AppLink>
      </Paragraph>
      <nav aria-label={mm.item.itemNav} className="dr-item-nav">
        <ul>
          <li>
            {previous && (
              <AppLink to={itemPath(meeting.id, previous.id)}>{fmt(mm.item.previous, { title: itemTitle(mm, previous) })}</AppLink>
            )}
          </li>
          <li>{next && <AppLink to={itemPath(meeting.id, next.id)}>{fmt(mm.item.next, { title: itemTitle(mm, next) })}</AppLink>}</li>
        </ul>
      </nav>

      <dl className="dr-facts" aria-label={mm.item.facts}>
        <dt>{mm.item.number}</dt>
        <dd>{item.number || mm.agenda.newNumber}</dd>
        <dt>{mm.item.type}</dt>
        <dd>{mm.caseTypes[item.type]}</dd>
        <dt>{mm.item.outcome}</dt>
        <dd>{mm.outcomes[item.outcome]}</dd>
        <dt>{mm.item.caseOfficer}</dt>
        <dd>{item.caseOfficerName ?? m.common.none}</dd>
        {started && (
          <>
            <dt>{mm.item.quorum}</dt>
            <dd>
              {fmt(item.quorum.reached ? mm.item.quorumReached : mm.item.quorumMissing, {
                present: item.quorum.present,
                seats: item.quorum.seats,
              })}
            </dd>
          </>
        )}
      </dl>

      {meeting.locked && <Alert data-color="info">{mm.item.lockedNote}</Alert>}
      <JointHandlingNote
        meeting={meeting}
        item={item}
        editable={editable}
        onChanged={(next, message) => {
          setMeeting(next);
          setStatus(message);
        }}
      />
      <SuccessMessage message={status} />

      <Section id="case-heading" title={mm.item.caseHeading}>
        {editable ? <CaseEditForm meeting={meeting} item={item} onSaved={setItem} onReload={reload} /> : <ReadOnlyCase item={item} />}
      </Section>

      <Section id="handling-heading" title={mm.item.handlingHeading}>
        {!started ? (
          <Paragraph>{mm.item.handlingLater}</Paragraph>
        ) : editable ? (
          <HandlingForm meeting={meeting} item={item} municipalities={municipalities} onSaved={setItem} onReload={reload} />
        ) : (
          <ReadOnlyHandling meeting={meeting} item={item} />
        )}
      </Section>

      {editable && !meeting.writtenProcedure && (
        <section className="dr-section" aria-labelledby="timing-heading">
          <Heading level={2} data-size="md" id="timing-heading">
            {mm.timing.heading}
          </Heading>
          <ItemTimingForm meeting={meeting} item={item} onSaved={setItem} onReload={reload} />
        </section>
      )}

      {item.projectDecisions && item.projectDecisions.length > 0 && (
        <ProjectDecisionLinks slug={network.slug} decisions={item.projectDecisions} />
      )}

      {editable && !meeting.writtenProcedure && (
        <Section id="moves-heading" title={mm.item.movesHeading}>
          <ButtonRow>
            {started && item.outcome === 'pending' && (
              <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'postpone' })}>
                {mm.item.postpone}
              </Button>
            )}
            <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'forward' })}>
              {mm.item.forward}
            </Button>
            {!started && item.outcome === 'pending' && (
              <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'written' })}>
                {mm.agenda.startWritten}
              </Button>
            )}
            {/* A case handled elsewhere too is not removed here: it would go from the other meetings with it. */}
            {!started && !item.number && item.history.length === 0 && (
              <Button type="button" variant="tertiary" data-color="danger" onClick={() => setDialog({ kind: 'remove' })}>
                {mm.agenda.remove}
              </Button>
            )}
          </ButtonRow>
        </Section>
      )}

      <Attachments item={item} editable={editable} onChange={(documents) => setItem({ ...item, documents })} onReload={reload} />

      {item.history.length > 0 && (
        <Section id="history-heading" title={mm.item.historyHeading}>
          <Paragraph data-size="sm" className="dr-muted">
            {mm.item.historyIntro}
          </Paragraph>
          <ul>
            {item.history.map((h) => (
              <li key={`${h.meetingId}-${h.number}`}>
                <AppLink to={meetingPath(h.meetingId)}>
                  {fmt(mm.item.historyEntry, {
                    date: date(h.meetingDate),
                    body: h.bodyName,
                    number: h.number || mm.agenda.newNumber,
                    outcome: mm.outcomes[h.outcome],
                  })}
                </AppLink>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <ModalDialog open={dialog?.kind === 'postpone'} onClose={close} title={mm.item.postpone}>
        <PostponeForm
          meeting={meeting}
          item={item}
          onCancel={close}
          onReload={reloadAndClose}
          onSaved={(saved, targetDate) => {
            setDialog(null);
            setMeeting(saved);
            setStatus(targetDate ? fmt(mm.postpone.doneTo, { date: date(targetDate) }) : mm.postpone.done);
          }}
        />
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'forward'} onClose={close} title={mm.item.forward}>
        <ForwardForm
          meeting={meeting}
          item={item}
          onCancel={close}
          onSaved={(target) => {
            setDialog(null);
            setStatus(fmt(mm.forward.done, { body: target.bodyName, date: date(target.date) }));
            reload();
          }}
        />
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'written'} onClose={close} title={fmt(mm.agenda.startWrittenLabel, { title: item.title })}>
        <StartWrittenProcedureForm
          consultationId={item.consultationId}
          onCancel={close}
          onStarted={(procedure: WrittenProcedure) => {
            setDialog(null);
            void navigate(meetingPath(meeting.id), {
              state: { message: fmt(mm.procedure.started, { title: procedure.title, deadline: dateTime(procedure.deadline) }) },
            });
          }}
        />
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'remove'} onClose={close} title={mm.agenda.remove}>
        <ConfirmForm
          confirmLabel={mm.agenda.remove}
          danger
          onCancel={close}
          onReload={reloadAndClose}
          onConfirm={async () => {
            await api<Meeting>(`/agenda-items/${item.id}?version=${item.version}`, { method: 'DELETE' });
            setDialog(null);
            void navigate(meetingPath(meeting.id), { state: { message: fmt(mm.agenda.removed, { title: item.title }) } });
          }}
        >
          <Paragraph>{fmt(mm.agenda.removeConfirm, { title: item.title })}</Paragraph>
        </ConfirmForm>
      </ModalDialog>
    </div>
  );
}

function ReadOnlyCase({ item }: { item: AgendaItem }) {
  const mm = useMeetingMessages();
  return (
    <>
      {item.exemptFromPublic && <Paragraph>{fmt(mm.item.exempt, { basis: item.exemptLegalBasis ?? '' })}</Paragraph>}
      {item.closedBasis && <Paragraph>{fmt(mm.item.closed, { basis: item.closedBasis })}</Paragraph>}
      <Heading level={3} data-size="xs">
        {mm.item.casePaper}
      </Heading>
      {item.casePaper.trim() ? <MarkdownText text={item.casePaper} /> : <Paragraph>{mm.item.noText}</Paragraph>}
      <Heading level={3} data-size="xs">
        {mm.item.recommendation}
      </Heading>
      {item.recommendation.trim() ? <MarkdownText text={item.recommendation} /> : <Paragraph>{mm.item.noText}</Paragraph>}
    </>
  );
}

function voteText(mm: MeetingMessages, vote: Vote, names: Map<string, string>): string {
  const h = mm.handling;
  switch (vote.kind) {
    case 'unanimous':
      return h.voteUnanimous;
    case 'counts':
      return `${h.votesFor}: ${vote.for}, ${h.votesAgainst.toLowerCase()}: ${vote.against}, ${h.votesBlank.toLowerCase()}: ${vote.blank}`;
    case 'roll':
      return vote.ballots.map((b) => `${names.get(b.personId) ?? ''}: ${mm.ballots[b.choice]}`).join(', ');
  }
}

function ReadOnlyHandling({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const mm = useMeetingMessages();
  const h = mm.handling;
  const names = new Map(meeting.attendees.map((a) => [a.personId, a.name]));
  return (
    <>
      <Heading level={3} data-size="xs">
        {h.deliberation}
      </Heading>
      {item.deliberation.trim() ? <MarkdownText text={item.deliberation} /> : <Paragraph>{mm.item.noText}</Paragraph>}
      {item.proposals.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {h.proposals}
          </Heading>
          <ul>
            {item.proposals.map((p) => (
              <li key={p.id}>
                {p.proposedBy}: {p.text} {p.result ? `(${mm.proposalResults[p.result]})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {item.vote && (
        <Paragraph>
          <strong>{h.vote}:</strong> {voteText(mm, item.vote, names)}
        </Paragraph>
      )}
      <Heading level={3} data-size="xs">
        {h.decision}
      </Heading>
      {item.decision?.trim() ? <MarkdownText text={item.decision} /> : <Paragraph>{mm.outcomes[item.outcome]}</Paragraph>}
      {item.disqualifications.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {h.disqualifications}
          </Heading>
          <ul>
            {item.disqualifications.map((d, i) => (
              <li key={i}>
                {names.get(d.personId) ?? ''}: {d.reason} {d.ruling ? `(${mm.rulings[d.ruling]})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {item.protocolRemarks.map((r) => (
        <div key={r.id}>
          <Heading level={3} data-size="xs">
            {fmt(h.remarkFrom, { author: r.authorName })}
          </Heading>
          <MarkdownText text={r.text} />
        </div>
      ))}
    </>
  );
}

/** The projects whose decision point this case decided, linked to the project. */
function ProjectDecisionLinks({ slug, decisions }: { slug: string; decisions: NonNullable<AgendaItem['projectDecisions']> }) {
  const prm = useProjectMessages();
  return (
    <Section id="project-decisions-heading" title={prm.agendaItem.heading}>
      <ul>
        {decisions.map((d) => (
          <li key={`${d.projectId}-${d.decisionPoint}`}>
            <AppLink to={projectPath(slug, d.projectId)}>
              {fmt(prm.agendaItem.link, { reference: d.reference, title: d.title, point: prm.decisionPoints[d.decisionPoint] })}
            </AppLink>
          </li>
        ))}
      </ul>
    </Section>
  );
}
