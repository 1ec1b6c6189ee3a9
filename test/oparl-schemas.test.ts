import { describe, expect, it } from 'vitest';
import { OPARL_TYPES, oparlListProblems, oparlProblems, readExample } from './oparl.ts';

/** The validator the OParl API is checked with: it accepts the specification's own examples and catches what breaks them. */
describe('OParl 1.1 schema validator', () => {
  it('knows every object type the API serves', () => {
    expect(OPARL_TYPES).toEqual(
      expect.arrayContaining([
        'System',
        'Body',
        'Organization',
        'Person',
        'Membership',
        'Meeting',
        'AgendaItem',
        'Paper',
        'Consultation',
        'File',
        'Location',
      ]),
    );
  });

  it.each(['System', 'Body', 'Organization', 'Person', 'Meeting', 'Paper', 'File', 'Location'])(
    'accepts the specification example of %s',
    (type) => {
      expect(oparlProblems(readExample(`example-${type}-01.json`), '$', false)).toEqual([]);
    },
  );

  it('is stricter than the specification example with embedded objects: their required fields count too', () => {
    // The example meeting embeds an agenda item without its required `order`; what Digiregion serves has it.
    expect(oparlProblems(readExample('example-Meeting-01.json'))).toEqual([
      "$.agendaItem[0] (AgendaItem) must have required property 'order'",
    ]);
  });

  it('catches a missing required field, a wrong type pattern, a bad date-time and a bad URL, also in embedded objects', () => {
    const meeting = readExample('example-Meeting-01.json') as Record<string, unknown>;
    expect(oparlProblems({ ...meeting, start: '4. januar 2013' }).join('\n')).toMatch(/\/start must match format "date-time"/);
    expect(oparlProblems({ ...meeting, id: 'møte 281' }).join('\n')).toMatch(/\/id must match format "url"/);
    expect(oparlProblems({ id: 'https://x.example/system', type: 'https://schema.oparl.org/1.1/System' }).join('\n')).toMatch(
      /must have required property 'oparlVersion'/,
    );
    const items = meeting.agendaItem as Record<string, unknown>[];
    expect(oparlProblems({ ...meeting, agendaItem: [{ ...items[0], order: 1, public: 'ja' }] }).join('\n')).toMatch(
      /agendaItem\[0\] \(AgendaItem\)\/public must be boolean/,
    );
    expect(
      oparlProblems({ id: 'https://x.example/meeting/1', type: 'https://schema.oparl.org/1.1/Meeting', deleted: true, name: 'Hemmelig' }),
    ).toEqual(['$: deleted Meeting carries name']);
  });

  it('checks a list page: data, pagination and links', () => {
    expect(oparlListProblems({ data: [] })).toContain('list: pagination.totalElements missing');
    expect(
      oparlListProblems({
        data: [readExample('example-Body-01.json')],
        pagination: { totalElements: 1, elementsPerPage: 100, currentPage: 1, totalPages: 1 },
        links: {
          first: 'https://x.example/bodies?page=1',
          self: 'https://x.example/bodies?page=1',
          last: 'https://x.example/bodies?page=1',
        },
      }),
    ).toEqual([]);
  });
});
