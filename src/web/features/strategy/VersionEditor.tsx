import { useEffect, useRef, useState } from 'react';
import { Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { BENEFIT_AREAS, VersionSaveSchema, type BenefitArea, type StrategyVersion } from '../../../shared/strategy/schema.ts';
import { api } from '../../app/api.ts';
import { TextField, useForm, type FormState } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fieldBinder } from '../../app/fields.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { ButtonRow } from '../../app/ui.tsx';
import { useStrategyMessages, type StrategyMessages } from './messages.ts';
import { keyErrorsAtTitles } from './strategy-api.ts';
import { RowAction } from '../../app/table.tsx';

interface Item {
  /** Local identity for React and focus; never sent. */
  uid: string;
  /** The server's key, kept from version to version; absent for an item not yet saved. */
  key?: string;
  title: string;
  text: string;
}
interface Benefit {
  uid: string;
  text: string;
}
interface Draft {
  vision: string;
  mainGoal: string;
  statement: string;
  principles: Item[];
  focusAreas: Item[];
  benefitAreas: Record<BenefitArea, Benefit[]>;
  changeNote: string;
}
type ListName = 'principles' | 'focusAreas';

let counter = 0;
const newUid = () => `i${Date.now().toString(36)}${(counter++).toString(36)}`;

/** The draft as the form holds it; `previous` keeps the local identities of items already on screen (same order as saved). */
function draftOf(version: StrategyVersion, previous?: Draft): Draft {
  const c = version.content;
  const items = (list: { key: string; title: string; text: string | null }[], before: Item[] | undefined): Item[] =>
    list.map((x, i) => ({ uid: before?.[i]?.uid ?? newUid(), key: x.key, title: x.title, text: x.text ?? '' }));
  const benefits = {} as Record<BenefitArea, Benefit[]>;
  for (const area of BENEFIT_AREAS)
    benefits[area] = c.benefitAreas[area].map((text, i) => ({ uid: previous?.benefitAreas[area][i]?.uid ?? newUid(), text }));
  return {
    vision: c.vision ?? '',
    mainGoal: c.mainGoal ?? '',
    statement: c.statement ?? '',
    principles: items(c.principles, previous?.principles),
    focusAreas: items(c.focusAreas, previous?.focusAreas),
    benefitAreas: benefits,
    changeNote: version.changeNote ?? '',
  };
}

/** What is sent: the whole content, in the shape of the shared schema. */
function inputOf(draft: Draft) {
  const items = (list: Item[]) => list.map((x) => ({ ...(x.key ? { key: x.key } : {}), title: x.title, text: x.text }));
  return {
    content: {
      vision: draft.vision,
      mainGoal: draft.mainGoal,
      statement: draft.statement,
      principles: items(draft.principles),
      focusAreas: items(draft.focusAreas),
      benefitAreas: {
        better: draft.benefitAreas.better.map((b) => b.text),
        more: draft.benefitAreas.more.map((b) => b.text),
        shorter: draft.benefitAreas.shorter.map((b) => b.text),
        reduce: draft.benefitAreas.reduce.map((b) => b.text),
      },
    },
    changeNote: draft.changeNote,
  };
}

/** Every field by its path, as the server names it in `error.fields`, so each message names what the form shows. */
function labelsOf(draft: Draft, sm: StrategyMessages): Record<string, string> {
  const e = sm.editor;
  const labels: Record<string, string> = {
    'content.vision': e.vision,
    'content.mainGoal': e.mainGoal,
    'content.statement': e.statement,
    'content.principles': sm.sections.principles,
    'content.focusAreas': sm.sections.focusAreas,
    changeNote: e.changeNote,
  };
  draft.principles.forEach((_, i) => {
    const where = fmt(e.principle, { n: i + 1 });
    labels[`content.principles.${i}.title`] = `${where}: ${e.principleTitle}`;
    labels[`content.principles.${i}.text`] = `${where}: ${e.principleText}`;
    labels[`content.principles.${i}.key`] = where;
  });
  draft.focusAreas.forEach((_, i) => {
    const where = fmt(e.focusArea, { n: i + 1 });
    labels[`content.focusAreas.${i}.title`] = `${where}: ${e.focusAreaTitle}`;
    labels[`content.focusAreas.${i}.text`] = `${where}: ${e.focusAreaText}`;
    labels[`content.focusAreas.${i}.key`] = where;
  });
  for (const area of BENEFIT_AREAS) {
    labels[`content.benefitAreas.${area}`] = sm.benefitAreas[area];
    draft.benefitAreas[area].forEach((_, i) => {
      labels[`content.benefitAreas.${area}.${i}`] = fmt(e.benefitItem, { area: sm.benefitAreas[area], n: i + 1 });
    });
  }
  return labels;
}

const move = <T,>(list: T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};

/**
 * The secretariat's editor for a draft: vision, main goal and statement; principles and focus areas as ordered
 * lists (add, edit, move up or down, remove, all with buttons); the four benefit areas' items; the change note.
 * Saved whole with the draft's version, so a stale save is refused (409) instead of overwriting someone else's.
 */
export function VersionEditor({
  version,
  onSaved,
  onReload,
  onDirty,
}: {
  version: StrategyVersion;
  onSaved: (version: StrategyVersion) => void;
  onReload: () => void;
  onDirty: (dirty: boolean) => void;
}) {
  const sm = useStrategyMessages();
  const e = sm.editor;
  const form = useForm();
  const [base, setBase] = useState(version.version);
  const [draft, setDraft] = useState<Draft>(() => draftOf(version));
  const [saved, setSaved] = useState(() => JSON.stringify(inputOf(draftOf(version))));
  const [announcement, setAnnouncement] = useState('');
  // The element to focus once the list has been drawn again after a move, an addition or a removal.
  const focusNext = useRef<string | null>(null);

  // A reload after a refused save brings someone else's newer draft: start again from it.
  if (version.version !== base) {
    const fresh = draftOf(version);
    setBase(version.version);
    setDraft(fresh);
    setSaved(JSON.stringify(inputOf(fresh)));
    form.reset();
  }

  const dirty = JSON.stringify(inputOf(draft)) !== saved;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  useEffect(() => {
    const target = focusNext.current ? document.getElementById(focusNext.current) : null;
    if (!target) return;
    focusNext.current = null;
    target.focus();
  });

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const bind = fieldBinder(form, draft, set);
  const labels = labelsOf(draft, sm);

  const updateItem = (list: ListName, i: number, patch: Partial<Item>) =>
    setDraft((d) => ({ ...d, [list]: d[list].map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  const itemName = (list: ListName, item: Item, i: number) =>
    item.title.trim() || fmt(list === 'principles' ? e.principle : e.focusArea, { n: i + 1 });

  const moveItem = (list: ListName, i: number, to: number, direction: 'up' | 'down') => {
    const item = draft[list][i];
    if (!item) return;
    setDraft((d) => ({ ...d, [list]: move(d[list], i, to) }));
    setAnnouncement(fmt(e.moved, { name: itemName(list, item, i), n: to + 1 }));
    // Keep focus on the same button of the moved item; at the top or bottom that button is gone, so the other one.
    const last = draft[list].length - 1;
    const stays = direction === 'up' ? to > 0 : to < last;
    focusNext.current = `${item.uid}-${stays ? direction : direction === 'up' ? 'down' : 'up'}`;
  };
  const removeItem = (list: ListName, i: number) => {
    const item = draft[list][i];
    if (!item) return;
    setDraft((d) => ({ ...d, [list]: d[list].filter((_, j) => j !== i) }));
    setAnnouncement(fmt(e.removed, { name: itemName(list, item, i) }));
    focusNext.current = `${list}-add`;
  };
  const addItem = (list: ListName) => {
    const item = { uid: newUid(), title: '', text: '' };
    setDraft((d) => ({ ...d, [list]: [...d[list], item] }));
    focusNext.current = form.id(`content.${list}.${draft[list].length}.title`);
  };

  const setBenefits = (area: BenefitArea, next: Benefit[]) =>
    setDraft((d) => ({ ...d, benefitAreas: { ...d.benefitAreas, [area]: next } }));

  return (
    <SubmitForm
      form={form}
      className="dr-form dr-strategy-editor"
      labelledBy="editor-heading"
      intro={
        <>
          <Heading level={2} data-size="md" id="editor-heading">
            {e.heading}
          </Heading>
          <Paragraph data-size="sm">{e.intro}</Paragraph>
        </>
      }
      submit={() => {
        focusNext.current = null;
        return form.submit({
          schema: VersionSaveSchema,
          input: { ...inputOf(draft), version: base },
          labels,
          send: (body) =>
            api<StrategyVersion>(`/strategy-versions/${version.id}`, { method: 'PUT', body }).catch((error: unknown) => {
              throw keyErrorsAtTitles(error);
            }),
          done: (next) => {
            const fresh = draftOf(next, draft);
            setBase(next.version);
            setDraft(fresh);
            setSaved(JSON.stringify(inputOf(fresh)));
            onSaved(next);
            return e.saved;
          },
        });
      }}
      submitLabel={e.save}
      onReload={onReload}
    >
      <div role="status" className="dr-visually-hidden">
        {announcement}
      </div>
      <TextField {...bind('vision', 'content.vision')} label={e.vision} multiline rows={2} />
      <TextField {...bind('mainGoal', 'content.mainGoal')} label={e.mainGoal} multiline rows={2} />
      <TextField {...bind('statement', 'content.statement')} label={e.statement} multiline rows={4} />

      <ItemList
        list="principles"
        heading={sm.sections.principles}
        items={draft.principles}
        form={form}
        legend={(n) => fmt(e.principle, { n })}
        titleLabel={e.principleTitle}
        textLabel={e.principleText}
        addLabel={e.addPrinciple}
        name={(item, i) => itemName('principles', item, i)}
        onChange={(i, patch) => updateItem('principles', i, patch)}
        onMove={(i, to, direction) => moveItem('principles', i, to, direction)}
        onRemove={(i) => removeItem('principles', i)}
        onAdd={() => addItem('principles')}
      />
      <ItemList
        list="focusAreas"
        heading={sm.sections.focusAreas}
        items={draft.focusAreas}
        form={form}
        legend={(n) => fmt(e.focusArea, { n })}
        titleLabel={e.focusAreaTitle}
        textLabel={e.focusAreaText}
        addLabel={e.addFocusArea}
        name={(item, i) => itemName('focusAreas', item, i)}
        onChange={(i, patch) => updateItem('focusAreas', i, patch)}
        onMove={(i, to, direction) => moveItem('focusAreas', i, to, direction)}
        onRemove={(i) => removeItem('focusAreas', i)}
        onAdd={() => addItem('focusAreas')}
      />

      <Fieldset>
        <Fieldset.Legend>{sm.sections.benefitAreas}</Fieldset.Legend>
        <Fieldset.Description>{e.benefitHelp}</Fieldset.Description>
        {BENEFIT_AREAS.map((area) => {
          const items = draft.benefitAreas[area];
          const areaName = sm.benefitAreas[area];
          return (
            <Fieldset key={area} className="dr-strategy-item">
              <Fieldset.Legend>{areaName}</Fieldset.Legend>
              {items.map((b, i) => {
                const label = fmt(e.benefitItem, { area: areaName, n: i + 1 });
                return (
                  <div key={b.uid} className="dr-strategy-benefit-row">
                    <TextField
                      state={form}
                      name={`content.benefitAreas.${area}.${i}`}
                      label={label}
                      value={b.text}
                      onChange={(text) =>
                        setBenefits(
                          area,
                          items.map((x, j) => (j === i ? { ...x, text } : x)),
                        )
                      }
                    />
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={fmt(e.removeLabel, { name: b.text.trim() || label })}
                      onClick={() => {
                        setBenefits(
                          area,
                          items.filter((_, j) => j !== i),
                        );
                        setAnnouncement(fmt(e.removed, { name: b.text.trim() || label }));
                        focusNext.current = `benefit-${area}-add`;
                      }}
                    >
                      {e.remove}
                    </Button>
                  </div>
                );
              })}
              <ButtonRow>
                <Button
                  type="button"
                  variant="secondary"
                  data-size="sm"
                  id={`benefit-${area}-add`}
                  onClick={() => {
                    setBenefits(area, [...items, { uid: newUid(), text: '' }]);
                    focusNext.current = form.id(`content.benefitAreas.${area}.${items.length}`);
                  }}
                >
                  {fmt(e.addBenefit, { area: areaName })}
                </Button>
              </ButtonRow>
            </Fieldset>
          );
        })}
      </Fieldset>

      <TextField {...bind('changeNote')} label={e.changeNote} description={e.changeNoteDescription} multiline rows={2} />
      {dirty && (
        <Paragraph data-size="sm" className="dr-muted">
          {e.unsaved}
        </Paragraph>
      )}
    </SubmitForm>
  );
}

/** An ordered list of principles or focus areas, each with its title, text and buttons to move or remove it. */
function ItemList({
  list,
  heading,
  items,
  form,
  legend,
  titleLabel,
  textLabel,
  addLabel,
  name,
  onChange,
  onMove,
  onRemove,
  onAdd,
}: {
  list: ListName;
  heading: string;
  items: Item[];
  form: FormState;
  legend: (n: number) => string;
  titleLabel: string;
  textLabel: string;
  addLabel: string;
  name: (item: Item, i: number) => string;
  onChange: (i: number, patch: Partial<Item>) => void;
  onMove: (i: number, to: number, direction: 'up' | 'down') => void;
  onRemove: (i: number) => void;
  onAdd: () => void;
}) {
  const sm = useStrategyMessages();
  const e = sm.editor;
  return (
    <Fieldset>
      <Fieldset.Legend>{heading}</Fieldset.Legend>
      <ol className="dr-strategy-items">
        {items.map((item, i) => (
          <li key={item.uid}>
            <Fieldset className="dr-strategy-item">
              <Fieldset.Legend>{legend(i + 1)}</Fieldset.Legend>
              <TextField
                state={form}
                name={`content.${list}.${i}.title`}
                label={titleLabel}
                value={item.title}
                onChange={(title) => onChange(i, { title })}
                required
              />
              <TextField
                state={form}
                name={`content.${list}.${i}.text`}
                label={textLabel}
                value={item.text}
                onChange={(text) => onChange(i, { text })}
                multiline
                rows={3}
              />
              <ButtonRow>
                {i > 0 && (
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    id={`${item.uid}-up`}
                    aria-label={fmt(e.moveUpLabel, { name: name(item, i) })}
                    onClick={() => onMove(i, i - 1, 'up')}
                  >
                    {e.moveUp}
                  </Button>
                )}
                {i < items.length - 1 && (
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    id={`${item.uid}-down`}
                    aria-label={fmt(e.moveDownLabel, { name: name(item, i) })}
                    onClick={() => onMove(i, i + 1, 'down')}
                  >
                    {e.moveDown}
                  </Button>
                )}
                <RowAction label={fmt(e.removeLabel, { name: name(item, i) })} danger onClick={() => onRemove(i)}>
                  {e.remove}
                </RowAction>
              </ButtonRow>
            </Fieldset>
          </li>
        ))}
      </ol>
      <ButtonRow>
        <Button type="button" variant="secondary" data-size="sm" id={`${list}-add`} onClick={onAdd}>
          {addLabel}
        </Button>
      </ButtonRow>
    </Fieldset>
  );
}
