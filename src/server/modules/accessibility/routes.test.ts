import { afterAll, describe, expect, it } from 'vitest';
import { ACCESSIBILITY_REVIEWED_ON } from '../../../shared/accessibility/schema.ts';
import { readConfig } from '../../config.ts';
import { DATABASE_KINDS, startTestApp, type TestApp } from '../../../../test/harness.ts';

/** The accessibility statement's per-installation parts come from the configuration; the deviations ship with the code. */
describe.each(DATABASE_KINDS)('the accessibility statement on %s', (kind) => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((a) => a.close())));

  it('gives no contact and the shipped review date by default, with the known deviations and their WCAG criteria', async () => {
    const t = await startTestApp(kind);
    apps.push(t);
    const res = await t.anonymous().get('/api/public/accessibility');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      url: 'http://localhost:3999/tilgjengelighet',
      contact: null,
      reviewedOn: ACCESSIBILITY_REVIEWED_ON,
      deviations: [
        { key: 'uploadedDocuments', criteria: ['1.1.1', '1.3.1', '2.4.2'] },
      ],
    });
  });

  it("gives the installation's own contact and review date", async () => {
    const { accessibility } = readConfig({ ACCESSIBILITY_CONTACT: 'uu@vesteralen.example.no', ACCESSIBILITY_REVIEWED: '2027-01-15' });
    const t = await startTestApp(kind, { accessibility });
    apps.push(t);
    const res = await t.anonymous().get('/api/public/accessibility');
    expect(res.body).toMatchObject({ contact: 'uu@vesteralen.example.no', reviewedOn: '2027-01-15' });
  });
});

describe('the accessibility settings', () => {
  it('refuses a contact that is not an e-mail address and a review date that is not a date, naming each', () => {
    expect(() => readConfig({ ACCESSIBILITY_CONTACT: 'ring oss', ACCESSIBILITY_REVIEWED: '15.01.2027' })).toThrow(
      /ACCESSIBILITY_CONTACT: .*expected an e-mail address[\s\S]*ACCESSIBILITY_REVIEWED: .*expected a date, YYYY-MM-DD/,
    );
  });
});
