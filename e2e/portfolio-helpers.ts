import type { Page } from '@playwright/test';
import type { Meeting } from '../src/shared/meetings/schema.ts';
import { expect, login, userMenu, type Accessibility } from './fixtures.ts';

/** What the portfolio journeys (projects, benefits, the acceptance test) share: the session's API, a held meeting, dates. */

/** Waits until no part of the page is still loading, so axe sees the content and not a spinner. */
export async function loaded(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: /^(Laster|Lastar|Loading) …$/ })).toHaveCount(0);
}

/** The project page's tabs (the navigation below its title), in any of the three languages. */
export const projectTabs = (page: Page) => page.getByRole('navigation', { name: /^(Sider i prosjektet|Pages of project) P-\d{4}-\d{3}$/ });

/** Opens a tab of the project page as a person does, by its link, and waits until it is open and loaded. */
export async function openProjectTab(page: Page, name: string) {
  const link = projectTabs(page).getByRole('link', { name, exact: true });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
  await loaded(page);
}

/** The API as the logged-in browser session: its cookies and its CSRF token. */
export async function sessionApi(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const call = async <T>(method: string, path: string, data?: unknown): Promise<T> => {
    const response = await page.request.fetch(`/api${path}`, { method, data, headers });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, data?: unknown) => call<T>('POST', path, data ?? {}),
    patch: <T>(path: string, data: unknown) => call<T>('PATCH', path, data),
    put: <T>(path: string, data: unknown) => call<T>('PUT', path, data),
    /** The raw answer, for calls that expect a refusal. */
    fetch: (method: string, path: string, data?: unknown) => page.request.fetch(`/api${path}`, { method, data, headers }),
  };
}
export type SessionApi = Awaited<ReturnType<typeof sessionApi>>;

/** Logs in and makes sure the pages are in bokmål: the language is kept on the account. */
export async function loginInBokmal(page: Page, a11y: Accessibility, user: { email: string; name: string }) {
  await login(page, a11y, user);
  await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'Norsk bokmål' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await a11y.check();
}

export async function logout(page: Page, name: string) {
  await userMenu(page, name).click();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Logg inn' })).toBeVisible();
}

/** Today in Norway as an ISO date. */
export const osloToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** A small but well-formed one-page PDF, its cross-reference table pointing at each object's real offset. */
export function tinyPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 18 Tf 72 770 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 72 770 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A day some days from today in Norway, as an ISO date. */
export function daysFromToday(days: number): string {
  const day = new Date(`${osloToday()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * A steering body of the network with a meeting held today: two cases decided (the mandate and the project proposal)
 * and one only noted, as the meetings journeys set one up.
 */
export async function heldMeeting(
  api: SessionApi,
  networkSlug: string,
  bodyName: string,
  shortCode: string,
  cases: { title: string; outcome: 'decided' | 'noted' }[],
) {
  const network = await api.get<{ id: string }>(`/networks/${networkSlug}`);
  let body = await api.post<{ id: string; memberships: { personId: string }[] }>(`/networks/${network.id}/bodies`, {
    kind: 'steeringGroup',
    name: bodyName,
    shortCode,
  });
  for (const [name, municipalityNumber, role] of [
    ['Randi Storvik', '1870', 'chair'],
    ['Geir Hamnes', '1866', 'member'],
    ['Turid Sletta', '1868', 'member'],
  ] as const) {
    const person = await api.post<{ id: string }>('/people', { networkId: network.id, name, title: 'Kommunedirektør', municipalityNumber });
    body = await api.post(`/bodies/${body.id}/memberships`, {
      personId: person.id,
      role,
      votingRight: 'vote',
      municipalityNumber,
      fromDate: '2020-01-01',
    });
  }
  let meeting = await api.post<Meeting>(`/bodies/${body.id}/meetings`, { date: osloToday(), startTime: '09:00', place: 'Sortland rådhus' });
  for (const c of cases) {
    meeting = await api.post<Meeting>(`/meetings/${meeting.id}/cases`, {
      type: c.outcome === 'decided' ? 'decision' : 'information',
      title: c.title,
      recommendation: 'Styringsgruppen slutter seg til.',
    });
  }
  meeting = await api.post<Meeting>(`/meetings/${meeting.id}/summons`, { version: meeting.version });
  for (const attendee of meeting.attendees) {
    meeting = await api.patch<Meeting>(`/meeting-attendees/${attendee.id}`, { status: 'present', version: attendee.version });
  }
  for (const item of meeting.items) {
    const outcome = cases.find((c) => c.title === item.title)?.outcome ?? 'decided';
    await api.patch(`/agenda-items/${item.id}`, {
      deliberation: 'Enstemmig.',
      ...(outcome === 'decided' ? { decision: `Vedtak: ${item.title}.` } : {}),
      outcome,
      version: item.version,
    });
  }
  meeting = await api.get<Meeting>(`/meetings/${meeting.id}`);
  meeting = await api.post<Meeting>(`/meetings/${meeting.id}/held`, { version: meeting.version });
  const item = (title: string) => meeting.items.find((i) => i.title === title)!;
  return { bodyId: body.id, meeting, item };
}

/** Chooses a decided case in the «Passere» panel: body, then meeting, then case. */
export async function chooseCase(page: Page, bodyName: string, number: string, title: string) {
  const panel = page.getByRole('form', { name: /^Passere BP\d$/ });
  await panel.getByLabel('Organ').selectOption({ label: bodyName });
  await panel.getByLabel('Møte', { exact: true }).selectOption({ index: 1 });
  await panel.getByLabel('Sak i møte').selectOption({ label: `${number} ${title}` });
}
