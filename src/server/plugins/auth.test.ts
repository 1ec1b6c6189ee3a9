import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../test/harness.ts';
import { expectError } from '../../../test/helpers.ts';

describe.each(DATABASE_KINDS)('an API route reached by a path written another way, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  // The router decodes `%61` to `a`: `/%61pi/me/work` is the route `/api/me/work`, and is treated as it is.
  it('asks for login as the route does, and knows the session when there is one', async () => {
    expectError(await t.anonymous().get('/%61pi/me/work'), 401, 'unauthenticated');
    expectError(await t.anonymous().get('/%61pi/networks/digivesteralen/people'), 401, 'unauthenticated');
    const member = await t.as(USERS.vesteralenMember);
    const plain = await member.get('/api/me/work');
    const encoded = await member.get('/%61pi/me/work');
    expect(plain.status).toBe(200);
    expect(encoded.status).toBe(200);
    // Login is required there: a 200 means the session was read.
    expect(encoded.body.known).toBe(plain.body.known);
    expect(encoded.body.meetings).toEqual(plain.body.meetings);
  });
});
