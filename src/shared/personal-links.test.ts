import { describe, expect, it } from 'vitest';
import { PERSONAL_LINK_PATHS, redactPersonalLinks } from './personal-links.ts';

const TOKEN = 'q1Xz_9-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

describe('redactPersonalLinks', () => {
  it('hides the token of every kind of link page and of every link route', () => {
    for (const path of Object.values(PERSONAL_LINK_PATHS)) {
      expect(redactPersonalLinks(`Her: https://digiregion.no/${path}/${TOKEN}\n`)).toBe(`Her: https://digiregion.no/${path}/•••\n`);
    }
    for (const route of ['/api/links/', '/api/survey-answers/', '/api/invitations/', '/api/password-resets/']) {
      expect(redactPersonalLinks(`GET ${route}${TOKEN}/accept?x=1`, '[redacted]')).toBe(`GET ${route}[redacted]/accept?x=1`);
    }
  });

  it('hides a token in any letter case or with percent-escapes, and inside a JSON line', () => {
    expect(redactPersonalLinks(`/API/Links/${TOKEN}`)).toBe('/API/Links/•••');
    expect(redactPersonalLinks(`/Forfall/${TOKEN}%2F%00`)).toBe('/Forfall/•••');
    const line = JSON.stringify({ req: { url: `/signer/${TOKEN}` }, msg: `no link /svar/${TOKEN}` });
    expect(JSON.parse(redactPersonalLinks(line, '[redacted]'))).toEqual({
      req: { url: '/signer/[redacted]' },
      msg: 'no link /svar/[redacted]',
    });
  });

  it('leaves other addresses alone, and a hidden link as it is', () => {
    const other = '/api/admin/invitations /innsyn/moter/3f2b6c1e-0000-4000-8000-000000000000 /n/digivesteralen/undersokelser';
    expect(redactPersonalLinks(other)).toBe(other);
    expect(redactPersonalLinks('https://digiregion.no/forfall/•••')).toBe('https://digiregion.no/forfall/•••');
  });
});
