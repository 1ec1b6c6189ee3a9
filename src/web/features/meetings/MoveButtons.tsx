import { Button } from '@digdir/designsystemet-react';
import { fmt } from '../../app/i18n/index.tsx';
import { useMeetingMessages } from './messages.ts';

type Direction = 'up' | 'down';

/**
 * «↑ Flytt opp» and «↓ Flytt ned» for an item of an ordered list, named by the item's title; the first cannot go up
 * and the last not down. `idOf` gives the buttons ids, so focus can follow the item after a move.
 */
export function MoveButtons({
  title,
  index,
  count,
  onMove,
  idOf,
}: {
  title: string;
  index: number;
  count: number;
  onMove: (to: number, direction: Direction) => void;
  idOf?: (direction: Direction) => string;
}) {
  const mm = useMeetingMessages();
  const a = mm.agenda;
  const buttons = [
    { direction: 'up', to: index - 1, label: a.moveUpLabel, text: a.moveUp, arrow: '↑', disabled: index === 0 },
    { direction: 'down', to: index + 1, label: a.moveDownLabel, text: a.moveDown, arrow: '↓', disabled: index === count - 1 },
  ] as const;
  return (
    <span className="dr-button-row">
      {buttons.map((b) => (
        <Button
          key={b.direction}
          type="button"
          variant="tertiary"
          data-size="sm"
          id={idOf?.(b.direction)}
          aria-label={fmt(b.label, { title })}
          disabled={b.disabled}
          onClick={() => onMove(b.to, b.direction)}
        >
          <span aria-hidden="true">{b.arrow}</span> {b.text}
        </Button>
      ))}
    </span>
  );
}
