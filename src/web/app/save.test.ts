import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api.ts';
import type { FormState, SubmitOptions } from './forms.tsx';
import { submitSave } from './save.ts';

const Create = z.object({ title: z.string().min(1) });
const Update = Create.extend({ version: z.number().int() });

interface Sent {
  method: string;
  url: string;
  body: unknown;
}

/** The browser's fetch answering every call with one status and body, recording what was sent. */
function answerWith(status: number, body: unknown): Sent[] {
  const sent: Sent[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    sent.push({ method: String(init.method), url, body: JSON.parse(init.body as string) });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return sent;
}

/** A form that checks with the schema it is given and sends, as useForm does; the failure is what the send threw. */
function formRecording(): FormState & { schemas: z.ZodType[]; thrown: unknown[] } {
  const schemas: z.ZodType[] = [];
  const thrown: unknown[] = [];
  return {
    schemas,
    thrown,
    id: (path) => path,
    errors: {},
    failure: null,
    saving: false,
    success: null,
    setSuccess: () => undefined,
    reset: () => undefined,
    submit: async <T, R>(o: SubmitOptions<T, R>) => {
      schemas.push(o.schema);
      const data = o.schema.parse(o.input);
      try {
        o.done?.(await o.send(data));
        return true;
      } catch (error) {
        thrown.push(error);
        return false;
      }
    },
  };
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const options = (item: { id: string; version: number } | null, done: (saved: unknown) => void = () => undefined) => ({
  item,
  create: { schema: Create, path: '/things' },
  update: { schema: Update, path: `/things/${item?.id}` },
  input: { title: 'Ny ting' },
  labels: { title: 'Tittel' },
  done,
});

describe('a create-or-update form', () => {
  it('POSTs a new record under the create schema, without a version', async () => {
    const sent = answerWith(201, { id: 't1', title: 'Ny ting', version: 1 });
    const form = formRecording();
    const saved: unknown[] = [];
    expect(
      await submitSave(
        form,
        options(null, (x) => void saved.push(x)),
      ),
    ).toBe(true);
    expect(sent).toEqual([{ method: 'POST', url: '/api/things', body: { title: 'Ny ting' } }]);
    expect(form.schemas).toEqual([Create]);
    expect(saved).toEqual([{ id: 't1', title: 'Ny ting', version: 1 }]);
  });

  it('PATCHes an existing record under the update schema with the version it was loaded with', async () => {
    const sent = answerWith(200, { id: 't1', title: 'Ny ting', version: 4 });
    const form = formRecording();
    expect(await submitSave(form, options({ id: 't1', version: 3 }))).toBe(true);
    expect(sent).toEqual([{ method: 'PATCH', url: '/api/things/t1', body: { title: 'Ny ting', version: 3 } }]);
    expect(form.schemas).toEqual([Update]);
  });

  it("gives the form the server's field errors of a 400 by field, and a 409 as a stale version", async () => {
    answerWith(400, {
      error: { code: 'validation_failed', message: 'Noe er feil.', fields: { title: '«Tittel» må fylles ut.' }, requestId: 'r1' },
    });
    const form = formRecording();
    expect(await submitSave(form, options(null))).toBe(false);
    const invalid = form.thrown[0] as ApiError;
    expect(invalid).toBeInstanceOf(ApiError);
    expect([invalid.status, invalid.code, invalid.fields]).toEqual([400, 'validation_failed', { title: '«Tittel» må fylles ut.' }]);

    answerWith(409, { error: { code: 'stale_version', message: 'Noen andre har endret dette.', requestId: 'r2' } });
    expect(await submitSave(form, options({ id: 't1', version: 3 }))).toBe(false);
    const stale = form.thrown[1] as ApiError;
    expect([stale.status, stale.code, stale.message]).toEqual([409, 'stale_version', 'Noen andre har endret dette.']);
  });
});
