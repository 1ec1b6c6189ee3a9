import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { osloLocalToUtc, renderIcs, type CalendarEvent } from './ics.ts';

const osloClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' });

/** The events as a calendar client reads them: the time zones the calendar defines are registered first. */
function parseEvents(ics: string): InstanceType<typeof ICAL.Event>[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

const meeting: CalendarEvent = {
  uid: 'meeting-1@digiregion',
  date: '2022-03-25',
  startTime: '09:00',
  endTime: '12:00',
  summary: 'Møte i Vesterålen regionråds arbeidsutvalg',
  description:
    'Saker: 014/22, 015/22; se vedlegg i C:\\møter\\2022\nAndre linje med æøå og en lang tekst som må brettes over flere linjer 🚢 uten å dele et tegn.',
  location: 'Sortland rådhus, møterom 1',
  url: 'https://digiregion.example.no/moter/1',
  status: 'CONFIRMED',
  sequence: 2,
  lastModified: new Date('2022-03-11T10:15:00Z'),
};

describe('osloLocalToUtc', () => {
  it('gives the instant of an Oslo wall time in winter and in summer', () => {
    expect(osloLocalToUtc('2022-03-25', '09:00').toISOString()).toBe('2022-03-25T08:00:00.000Z');
    expect(osloLocalToUtc('2022-06-10', '09:00').toISOString()).toBe('2022-06-10T07:00:00.000Z');
    expect(osloLocalToUtc('2022-12-31', '23:59').toISOString()).toBe('2022-12-31T22:59:00.000Z');
  });

  it('follows the change to summer time on the last Sunday of March', () => {
    expect(osloLocalToUtc('2022-03-26', '09:00').toISOString()).toBe('2022-03-26T08:00:00.000Z');
    expect(osloLocalToUtc('2022-03-27', '01:59').toISOString()).toBe('2022-03-27T00:59:00.000Z');
    // 02:00–02:59 does not exist that night; it is read as the hour after.
    expect(osloLocalToUtc('2022-03-27', '02:30').toISOString()).toBe('2022-03-27T01:30:00.000Z');
    expect(osloLocalToUtc('2022-03-27', '03:00').toISOString()).toBe('2022-03-27T01:00:00.000Z');
    expect(osloLocalToUtc('2022-03-27', '09:00').toISOString()).toBe('2022-03-27T07:00:00.000Z');
  });

  it('follows the change back on the last Sunday of October', () => {
    expect(osloLocalToUtc('2022-10-29', '09:00').toISOString()).toBe('2022-10-29T07:00:00.000Z');
    expect(osloLocalToUtc('2022-10-30', '01:30').toISOString()).toBe('2022-10-29T23:30:00.000Z');
    // 02:00–02:59 happens twice that night; the first is taken.
    expect(osloLocalToUtc('2022-10-30', '02:30').toISOString()).toBe('2022-10-30T00:30:00.000Z');
    expect(osloLocalToUtc('2022-10-30', '03:00').toISOString()).toBe('2022-10-30T02:00:00.000Z');
    expect(osloLocalToUtc('2022-10-30', '09:00').toISOString()).toBe('2022-10-30T08:00:00.000Z');
  });

  it('refuses what is not a date or a time', () => {
    expect(() => osloLocalToUtc('2022-02-30', '09:00')).toThrow('Not a date');
    expect(() => osloLocalToUtc('2022-03-25', '24:00')).toThrow('Not a time');
  });
});

describe('renderIcs', () => {
  const ics = renderIcs(
    [
      meeting,
      {
        uid: 'meeting-2@digiregion',
        date: '2022-06-10',
        startTime: '09:00',
        endTime: null,
        summary: 'Sommermøte',
        lastModified: meeting.lastModified,
      },
    ],
    { name: 'DigiVesterålen; AU, møter', method: 'REQUEST', organizer: { name: 'Sekretariatet', email: 'post@digi.example.no' } },
  );

  it('parses with ical.js to the same texts and to the Oslo wall times given', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Digiregion//NONSGML Digiregion//NB');
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    // ical.js leaves the value of an X- property as written; calendar clients read it as escaped text.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('DigiVesterålen\\; AU\\, møter');

    const [first, second] = parseEvents(ics);
    expect(first?.uid).toBe('meeting-1@digiregion');
    expect(first?.summary).toBe(meeting.summary);
    expect(first?.location).toBe(meeting.location);
    expect(first?.description).toBe(meeting.description);
    expect(first?.sequence).toBe(2);
    expect(first?.startDate.toJSDate().toISOString()).toBe('2022-03-25T08:00:00.000Z');
    expect(osloClock.format(first?.startDate.toJSDate())).toBe('2022-03-25 09:00');
    expect(osloClock.format(first?.endDate.toJSDate())).toBe('2022-03-25 12:00');
    expect(first?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(first?.component.getFirstPropertyValue('url')).toBe(meeting.url);
    expect(first?.component.getFirstPropertyValue('organizer')).toBe('mailto:post@digi.example.no');

    expect(second?.startDate.toJSDate().toISOString()).toBe('2022-06-10T07:00:00.000Z');
    expect(osloClock.format(second?.startDate.toJSDate())).toBe('2022-06-10 09:00');
    expect(osloClock.format(second?.endDate.toJSDate())).toBe('2022-06-10 11:00');
  });

  it('writes CRLF lines of at most 75 octets, escapes text and never splits a character', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(ics).not.toContain('\uFFFD');

    const unfolded = ics.replaceAll('\r\n ', '');
    expect(unfolded).toContain('DESCRIPTION:Saker: 014/22\\, 015/22\\; se vedlegg i C:\\\\møter\\\\2022\\nAndre linje');
    expect(unfolded).toContain('LOCATION:Sortland rådhus\\, møterom 1');
    expect(unfolded).toContain('DTSTART;TZID=Europe/Oslo:20220325T090000');
    expect(unfolded).toContain('DTEND;TZID=Europe/Oslo:20220325T120000');
    expect(unfolded).toContain('DTSTAMP:20220311T101500Z');
  });

  it('writes Norwegian time with the Europe/Oslo zone, which ical.js follows across summer time', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Oslo']);
    const [winter, summer] = parseEvents(ics);
    expect(winter?.startDate.zone.tzid).toBe('Europe/Oslo');
    expect(winter?.startDate.toString()).toBe('2022-03-25T09:00:00');
    expect(summer?.startDate.toString()).toBe('2022-06-10T09:00:00');
    // The zone's rules, not a fixed offset: +01:00 in winter, +02:00 in summer.
    expect(winter?.startDate.utcOffset()).toBe(3600);
    expect(summer?.startDate.utcOffset()).toBe(7200);
    // A meeting on the night the clocks go forward: 02:30 does not exist, and is written as 03:30 summer time.
    const [night] = parseEvents(renderIcs([{ ...meeting, date: '2022-03-27', startTime: '02:30', endTime: '04:00' }], { name: 'Natt' }));
    expect(night?.startDate.toString()).toBe('2022-03-27T03:30:00');
    expect(night?.startDate.toJSDate().toISOString()).toBe('2022-03-27T01:30:00.000Z');
  });

  it('has no time zone in a calendar without events', () => {
    expect(renderIcs([], { name: 'Tom' })).not.toContain('VTIMEZONE');
  });

  it('puts an end at or before the start on the next day', () => {
    const [event] = parseEvents(renderIcs([{ ...meeting, startTime: '22:00', endTime: '01:00' }], { name: 'Sein kveld' }));
    expect(osloClock.format(event?.endDate.toJSDate())).toBe('2022-03-26 01:00');
  });
});
