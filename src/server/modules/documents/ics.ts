/**
 * iCalendar (RFC 5545) for meeting invitations and calendar feeds. Meeting times are written in Norwegian time
 * (`TZID=Europe/Oslo`, with the zone's VTIMEZONE in the calendar), as the calendars municipalities use write them:
 * an event moved or edited in a calendar stays in Norwegian time, across the changes to and from summer time.
 */

export interface CalendarEvent {
  uid: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, wall time in Europe/Oslo. */
  startTime: string;
  /** HH:MM; null means two hours after the start. An end at or before the start is on the next day. */
  endTime: string | null;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  sequence?: number;
  lastModified: Date;
}

export interface CalendarOptions {
  /** The calendar's name, shown by clients that subscribe to a feed. */
  name: string;
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
}

const PRODID = '-//Digiregion//NONSGML Digiregion//NB';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_LINE_OCTETS = 75;

const osloClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Europe/Oslo's clock is ahead of UTC at an instant, in milliseconds. */
function osloOffset(instant: number): number {
  const parts = osloClock.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

function parseDate(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw new Error(`Not a date: ${date}`);
  return [year, month, day];
}

function parseTime(time: string): [number, number] {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new Error(`Not a time: ${time}`);
  return [Number(match[1]), Number(match[2])];
}

/**
 * The instant at which Europe/Oslo's clocks show a date and time. A time the clocks skip when summer time
 * starts is read as the hour after (02:30 is 03:30 summer time); a time they show twice when it ends is the
 * first of the two, as JavaScript's Temporal does by default.
 */
export function osloLocalToUtc(date: string, time: string): Date {
  const [year, month, day] = parseDate(date);
  const [hour, minute] = parseTime(time);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Oslo changes its clock at most once a day, so the offset is the one a day before or the one a day after.
  const offsetBefore = osloOffset(wall - DAY);
  const matches = [offsetBefore, osloOffset(wall + DAY)]
    .map((offset) => wall - offset)
    .filter((instant) => instant + osloOffset(instant) === wall);
  return new Date(matches.length > 0 ? Math.min(...matches) : wall - offsetBefore);
}

function utcStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

export const OSLO = 'Europe/Oslo';

/** The Oslo wall time of an instant, as a DATE-TIME of the Europe/Oslo zone (a skipped time comes out as the hour after). */
function osloStamp(instant: Date): string {
  return utcStamp(new Date(instant.getTime() + osloOffset(instant.getTime()))).slice(0, 15);
}

/**
 * Europe/Oslo as the zone's rules have been since 1996 (EU summer time: the last Sunday of March at 02:00 to the
 * last Sunday of October at 03:00). Every meeting Digiregion writes falls under these rules.
 */
const OSLO_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${OSLO}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT values: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/** URIs and parameter values may hold no control characters, and a parameter value no double quote. */
function stripControls(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, '');
}

function person(property: 'ORGANIZER' | 'ATTENDEE', who: { name: string; email: string }, parameters = ''): string {
  return `${property};CN="${stripControls(who.name).replaceAll('"', "'")}"${parameters}:mailto:${stripControls(who.email)}`;
}

/** Lines longer than 75 octets continue on lines that start with a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = lines.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

function nextDate(date: string): string {
  const [year, month, day] = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

function eventLines(event: CalendarEvent, options: CalendarOptions): string[] {
  const start = osloLocalToUtc(event.date, event.startTime);
  let end = event.endTime === null ? new Date(start.getTime() + 2 * HOUR) : osloLocalToUtc(event.date, event.endTime);
  if (event.endTime !== null && end <= start) end = osloLocalToUtc(nextDate(event.date), event.endTime);
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    // Stamped with the last change rather than the time of the request, so a feed is the same until something changes.
    `DTSTAMP:${utcStamp(event.lastModified)}`,
    `LAST-MODIFIED:${utcStamp(event.lastModified)}`,
    `DTSTART;TZID=${OSLO}:${osloStamp(start)}`,
    `DTEND;TZID=${OSLO}:${osloStamp(end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.url ? [`URL:${stripControls(event.url)}`] : []),
    ...(event.status ? [`STATUS:${event.status}`] : []),
    ...(event.sequence !== undefined ? [`SEQUENCE:${event.sequence}`] : []),
    ...(options.organizer ? [person('ORGANIZER', options.organizer)] : []),
    ...(options.attendee ? [person('ATTENDEE', options.attendee, ';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION')] : []),
    'END:VEVENT',
  ];
}

/** A calendar of the events, as an invitation (`REQUEST`) or a feed to subscribe to. */
export function renderIcs(events: CalendarEvent[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    ...(options.method ? [`METHOD:${options.method}`] : []),
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${OSLO}`,
    ...(events.length > 0 ? OSLO_TIMEZONE : []),
    ...events.flatMap((event) => eventLines(event, options)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
