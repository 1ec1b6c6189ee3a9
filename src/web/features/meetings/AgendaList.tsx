import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Paragraph, Tag } from '@digdir/designsystemet-react';
import type { AgendaItem, Meeting } from '../../../shared/meetings/schema.ts';
import { api, asApiError, type ApiError } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { AppLink } from '../../app/ui.tsx';
import { itemPath } from './meeting-api.ts';
import { useMeetingMessages } from './messages.ts';
import { MoveButtons } from './MoveButtons.tsx';

type Direction = 'up' | 'down';
const moveButtonId = (direction: Direction, itemId: string) => `agenda-move-${direction}-${itemId}`;

function moved(items: AgendaItem[], from: number, to: number): AgendaItem[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item) next.splice(to, 0, item);
  return next;
}

/**
 * The agenda in order. The secretariat reorders it by dragging, or with the move buttons, whose
 * result is announced in a live region; focus stays on the moved item's button. Every change PUTs the
 * whole order with the meeting's version; quick moves are queued so each save carries the version
 * the previous one returned.
 */
export function AgendaList({
  meeting,
  setMeeting,
  editable,
  onFailure,
}: {
  meeting: Meeting;
  setMeeting: (meeting: Meeting) => void;
  editable: boolean;
  onFailure: (error: ApiError) => void;
}) {
  const mm = useMeetingMessages();
  const [announcement, setAnnouncement] = useState('');
  const [dragId, setDragId] = useState<string | null>(null);
  // The dragged item for the drag's own events: the first dragover can come before React has rendered the state.
  const dragging = useRef<string | null>(null);
  const [overIndex, setOverIndex] = useState<number | null>(null);
  const latest = useRef(meeting);
  const inFlight = useRef(false);
  const dirty = useRef(false);
  const focusAfter = useRef<{ id: string; direction: Direction } | null>(null);

  useEffect(() => {
    latest.current = meeting;
    const want = focusAfter.current;
    if (!want) return;
    focusAfter.current = null;
    const wanted = document.getElementById(moveButtonId(want.direction, want.id));
    const other = document.getElementById(moveButtonId(want.direction === 'up' ? 'down' : 'up', want.id));
    const target = wanted instanceof HTMLButtonElement && !wanted.disabled ? wanted : other;
    target?.focus();
  }, [meeting]);

  const save = async () => {
    if (inFlight.current) {
      dirty.current = true;
      return;
    }
    inFlight.current = true;
    try {
      do {
        dirty.current = false;
        const current = latest.current;
        const saved = await api<Meeting>(`/meetings/${current.id}/agenda-order`, {
          method: 'PUT',
          body: { itemIds: current.items.map((i) => i.id), version: current.version },
        });
        // A move made while this save ran stays on screen; the next round saves it.
        const order = latest.current.items.map((i) => i.id);
        const items = order.flatMap((id) => saved.items.filter((i) => i.id === id));
        const next = items.length === saved.items.length ? { ...saved, items } : saved;
        latest.current = next;
        setMeeting(next);
      } while (dirty.current);
    } catch (error) {
      onFailure(asApiError(error));
    } finally {
      inFlight.current = false;
    }
  };

  const moveTo = (from: number, to: number, direction?: Direction) => {
    const items = latest.current.items;
    const item = items[from];
    if (!item || to < 0 || to >= items.length || from === to) return;
    const next = { ...latest.current, items: moved(items, from, to) };
    latest.current = next;
    if (direction) focusAfter.current = { id: item.id, direction };
    setMeeting(next);
    setAnnouncement(fmt(mm.agenda.moved, { title: item.title, position: to + 1, total: items.length }));
    void save();
  };

  const endDrag = () => {
    dragging.current = null;
    setDragId(null);
    setOverIndex(null);
  };

  const items = meeting.items;
  return (
    <>
      <div role="status" aria-live="polite" className="dr-visually-hidden">
        {announcement}
      </div>
      {items.length === 0 ? (
        <Paragraph>{mm.agenda.empty}</Paragraph>
      ) : (
        <>
          {editable && items.length > 1 && (
            <Paragraph data-size="sm" className="dr-muted">
              {mm.agenda.dragHint}
            </Paragraph>
          )}
          <ol className="dr-agenda" aria-labelledby="agenda-heading">
            {items.map((item, index) => (
              <li
                key={item.id}
                className="dr-agenda-item"
                data-dragging={dragId === item.id || undefined}
                data-drop-target={(overIndex === index && dragId !== null && dragId !== item.id) || undefined}
                draggable={editable}
                onDragStart={
                  editable
                    ? (e: DragEvent) => {
                        e.dataTransfer.effectAllowed = 'move';
                        e.dataTransfer.setData('text/plain', item.id);
                        dragging.current = item.id;
                        setDragId(item.id);
                      }
                    : undefined
                }
                onDragOver={
                  editable
                    ? (e: DragEvent) => {
                        if (dragging.current === null) return;
                        e.preventDefault();
                        e.dataTransfer.dropEffect = 'move';
                        if (overIndex !== index) setOverIndex(index);
                      }
                    : undefined
                }
                onDrop={
                  editable
                    ? (e: DragEvent) => {
                        e.preventDefault();
                        const from = latest.current.items.findIndex((i) => i.id === dragging.current);
                        endDrag();
                        if (from >= 0) moveTo(from, index);
                      }
                    : undefined
                }
                onDragEnd={editable ? endDrag : undefined}
              >
                <span className="dr-agenda-handle" aria-hidden="true" title={editable ? mm.agenda.dragHandle : undefined}>
                  {editable ? '⠿' : ''}
                </span>
                <span className="dr-agenda-number" data-empty={!item.number || undefined}>
                  {item.number || mm.agenda.newNumber}
                </span>
                <div className="dr-agenda-main">
                  <AppLink to={itemPath(meeting.id, item.id)}>{item.title}</AppLink>
                  {(meeting.expectedEnd || item.startedAt) && (
                    <span className="dr-muted">
                      {[
                        meeting.expectedEnd ? fmt(mm.timing.plannedRange, { start: item.plannedStart, end: item.plannedEnd }) : null,
                        item.startedAt
                          ? item.endedAt
                            ? fmt(mm.timing.actual, { start: item.startedAt, end: item.endedAt })
                            : fmt(mm.timing.actualStarted, { start: item.startedAt })
                          : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  )}
                  <span className="dr-tags">
                    <Tag data-color="neutral" data-size="sm">
                      {mm.caseTypes[item.type]}
                    </Tag>
                    {item.outcome !== 'pending' && (
                      <Tag data-color={item.outcome === 'decided' || item.outcome === 'noted' ? 'success' : 'warning'} data-size="sm">
                        {mm.outcomes[item.outcome]}
                      </Tag>
                    )}
                    {item.jointHandlingId && (
                      <Tag data-color="info" data-size="sm">
                        {mm.joint.tag}
                      </Tag>
                    )}
                    {item.exemptFromPublic && (
                      <Tag data-color="danger" data-size="sm">
                        {mm.agenda.exempt}
                      </Tag>
                    )}
                    {item.closedBasis && (
                      <Tag data-color="danger" data-size="sm">
                        {mm.agenda.closed}
                      </Tag>
                    )}
                  </span>
                </div>
                {editable ? (
                  <MoveButtons
                    title={item.title}
                    index={index}
                    count={items.length}
                    onMove={(to, direction) => moveTo(index, to, direction)}
                    idOf={(direction) => moveButtonId(direction, item.id)}
                  />
                ) : (
                  <span />
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
