import { useState } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import { NextCaseNumberSchema, caseNumberText, type CaseNumbering } from '../../../shared/meetings/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { FormMessages, SubmitButton, TextField, useForm } from '../../app/forms.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { ButtonRow, LoadState, Section } from '../../app/ui.tsx';
import { useMeetingMessages } from './messages.ts';

/**
 * The number a body's next case gets in a year, which the secretariat moves on when the body numbered its cases
 * elsewhere before (up to 111/26 in Word: the next is 112/26). Only upwards; the server refuses a number in use.
 */
export function CaseNumberingPanel({ bodyId, year, editable }: { bodyId: string; year: number; editable: boolean }) {
  const mm = useMeetingMessages();
  const n = mm.numbering;
  const loaded = useApi<CaseNumbering>(`/bodies/${bodyId}/case-numbers/${year}`);
  return (
    <Section id="case-numbering-heading" title={fmt(n.heading, { year })} level={3} size="sm">
      <LoadState loaded={loaded}>
        {(numbering) => (
          <>
            <Paragraph>
              {numbering.lastUsed === null
                ? fmt(n.noneUsed, { next: caseNumberText(numbering.next, year) })
                : fmt(n.used, { last: caseNumberText(numbering.lastUsed, year), next: caseNumberText(numbering.next, year) })}
            </Paragraph>
            {editable && <NextNumberForm bodyId={bodyId} numbering={numbering} onSaved={loaded.reload} />}
          </>
        )}
      </LoadState>
    </Section>
  );
}

function NextNumberForm({ bodyId, numbering, onSaved }: { bodyId: string; numbering: CaseNumbering; onSaved: () => void }) {
  const mm = useMeetingMessages();
  const n = mm.numbering;
  const form = useForm();
  const [next, setNext] = useState(String(numbering.next));
  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({
          schema: NextCaseNumberSchema,
          input: { next: next.trim() === '' ? undefined : Number(next) },
          labels: { next: n.next },
          send: (input) => api<CaseNumbering>(`/bodies/${bodyId}/case-numbers/${numbering.year}`, { method: 'PUT', body: input }),
          done: (saved) => {
            onSaved();
            return fmt(n.saved, { next: caseNumberText(saved.next, saved.year) });
          },
        });
      }}
    >
      <FormMessages form={form} />
      <TextField
        state={form}
        name="next"
        label={n.next}
        description={fmt(n.nextDescription, { min: numbering.next })}
        value={next}
        onChange={setNext}
      />
      <ButtonRow>
        <SubmitButton form={form}>{n.submit}</SubmitButton>
      </ButtonRow>
    </form>
  );
}
