import { useState } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import { NextCaseNumberSchema, caseNumberText, type CaseNumbering } from '../../../shared/meetings/schema.ts';
import { useApi } from '../../app/api.ts';
import { TextField, useForm } from '../../app/forms.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { LoadState, Section } from '../../app/ui.tsx';
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
  const submit = () =>
    form.submit({
      schema: NextCaseNumberSchema,
      input: { next: next.trim() === '' ? undefined : Number(next) },
      labels: { next: n.next },
      send: sendTo<CaseNumbering>(`/bodies/${bodyId}/case-numbers/${numbering.year}`, 'PUT'),
      done: (saved) => {
        onSaved();
        return fmt(n.saved, { next: caseNumberText(saved.next, saved.year) });
      },
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={n.submit}>
      <TextField
        state={form}
        name="next"
        label={n.next}
        description={fmt(n.nextDescription, { min: numbering.next })}
        value={next}
        onChange={setNext}
      />
    </SubmitForm>
  );
}
