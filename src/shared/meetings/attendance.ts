import type { AttendanceRole } from './schema.ts';

/**
 * How a summons groups those it calls, in this order (as regional councils' summonses do): the voting members, those
 * with the right to attend, speak and propose only (kommuneloven: møte-, tale- og forslagsrett; typically the chief
 * executives), observers, the secretary, and the deputies, who get it for information unless called in.
 */
export const SUMMONS_GROUPS = ['voting', 'speaking', 'observer', 'secretary', 'deputy', 'other'] as const;
export type SummonsGroup = (typeof SUMMONS_GROUPS)[number];

interface Called {
  role: AttendanceRole;
  votingRight: boolean;
  name: string;
  municipalityName: string | null;
}

/** A deputy called in for an absent member has the member's vote and sits with the members («møter for …»). */
export function summonsGroupOf(a: Pick<Called, 'role' | 'votingRight'>): SummonsGroup {
  switch (a.role) {
    case 'chair':
    case 'viceChair':
    case 'member':
      return a.votingRight ? 'voting' : 'speaking';
    case 'deputy':
      return a.votingRight ? 'voting' : 'deputy';
    case 'observer':
      return 'observer';
    case 'secretary':
      return 'secretary';
    case 'caseOfficer':
    case 'guest':
      return 'other';
  }
}

const ROLE_RANK: Record<AttendanceRole, number> = {
  chair: 0,
  viceChair: 1,
  member: 2,
  deputy: 3,
  observer: 4,
  secretary: 5,
  caseOfficer: 6,
  guest: 7,
};
const collator = new Intl.Collator('nb');

/** Group, then role within it (chair, vice chair, members), then municipality, then name: every list of those called. */
export function compareCalled(a: Called, b: Called): number {
  return (
    SUMMONS_GROUPS.indexOf(summonsGroupOf(a)) - SUMMONS_GROUPS.indexOf(summonsGroupOf(b)) ||
    ROLE_RANK[a.role] - ROLE_RANK[b.role] ||
    collator.compare(a.municipalityName ?? '', b.municipalityName ?? '') ||
    collator.compare(a.name, b.name)
  );
}

export const orderCalled = <T extends Called>(list: readonly T[]): T[] => [...list].sort(compareCalled);

/** Minutes from the meeting's start to each item's planned start, and the expected end; null where nothing is planned. */
export function plannedTimes(
  startTime: string,
  items: readonly { plannedMinutes: number | null }[],
): { starts: string[]; ends: string[]; end: string | null } {
  const [h, m] = startTime.split(':').map(Number);
  let at = (h ?? 0) * 60 + (m ?? 0);
  const clock = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const starts: string[] = [];
  const ends: string[] = [];
  for (const item of items) {
    starts.push(clock(at));
    at += item.plannedMinutes ?? 0;
    ends.push(clock(at));
  }
  const planned = items.some((i) => i.plannedMinutes !== null);
  return { starts, ends, end: planned ? clock(at) : null };
}

/**
 * What every list of those called says beside a name: an absent member «forfall», a deputy called in «møter for …»,
 * a deputy who got the summons for information «til orientering» (no absence to report), else nothing.
 */
export type AttendanceMark = { kind: 'absent' } | { kind: 'meetsFor'; name: string } | { kind: 'forInformation' } | null;

export function attendanceMark(a: {
  role: AttendanceRole;
  votingRight: boolean;
  status: string;
  forInformation: boolean;
  deputyForName: string | null;
}): AttendanceMark {
  if (a.status === 'absent') return { kind: 'absent' };
  if (a.role === 'deputy' && a.votingRight && a.deputyForName) return { kind: 'meetsFor', name: a.deputyForName };
  if (a.forInformation && !a.votingRight) return { kind: 'forInformation' };
  return null;
}
