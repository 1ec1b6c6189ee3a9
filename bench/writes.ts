import pg from 'pg';
import { ADOPTION_STATUSES } from '../src/shared/mapping/schema.ts';

/**
 * The writes of the `cold` and `mixed` targets (issue 20), made through the API as the platform administrator, each
 * one invalidating what the reads keep (each kept answer is stale only after a write to what it reads: the change
 * scopes of db/change-counters.ts): a shared-solution status changed (the adoption matrix), an application's user count
 * changed (the landscape, and the adoption matrix, which shows the mapping's municipalities), a benefit measurement
 * registered (the benefits roll-up), a project's title changed (the portfolio overview, the prioritization matrix and
 * the roll-up), an agenda item's decision saved (the decision search and the OParl lists), and, for the cold target
 * alone, a project risk's probability changed (the risk map, migration 0044) and a benefit's title changed (the
 * roll-up, its benefit lines read again as well).
 * Records are taken from the database in turn, one writer at a time per record, each with the version the last write
 * gave it, so optimistic locking never refuses a bench write.
 *
 * A project's phase moved is not among them: a phase moves by a decision at a decision point (an owner decision by
 * the project owner, or a meeting case), which the benchmark account cannot make on the generated projects. A
 * project's title changed stands in for it: it moves the same counter (`portfolio`), and so makes the same answers
 * stale.
 */
export type WriteKind = 'adoption' | 'application' | 'measurement' | 'project' | 'risk' | 'decision' | 'benefit';

interface Pool<T> {
  free: T[];
}

export interface Writer {
  kinds: WriteKind[];
  /** Makes one write of the kind; resolves to the HTTP status. */
  write(kind: WriteKind): Promise<number>;
}

export async function prepareWriter(url: string, appUrl: string, cookie: string, csrfToken: string, networkId: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  /** The network's records of one kind, taken in turn by the writes. */
  const poolOf = async <T extends object>(text: string): Promise<Pool<T>> => ({ free: (await client.query<T>(text, [networkId])).rows });
  try {
    const adoptions = await poolOf<{ municipality: string; solution: string; version: number; status: string }>(
      `select a.municipality_number as municipality, a.solution_key as solution, a.version, a.status
       from solution_adoptions a join network_members nm on nm.municipality_number = a.municipality_number
       where nm.network_id = $1 and nm.left_on is null order by a.id limit 300`,
    );
    const measurements = await poolOf<{ indicator: string; municipality: string }>(
      `select t.indicator_id as indicator, t.municipality_number as municipality
       from indicator_targets t join benefit_indicators i on i.id = t.indicator_id join benefits b on b.id = i.benefit_id
       join projects p on p.id = b.project_id where p.network_id = $1 order by t.id limit 300`,
    );
    const applications = await poolOf<{ id: string; version: number }>(
      `select u.id, u.version from application_usages u join network_members nm on nm.municipality_number = u.municipality_number
       where nm.network_id = $1 and nm.left_on is null order by u.id limit 300`,
    );
    const projects = await poolOf<{ id: string; version: number; title: string }>(
      `select id, version, title from projects where network_id = $1 order by id limit 300`,
    );
    const risks = await poolOf<{ id: string; version: number }>(
      `select r.id, r.version from project_risks r join projects p on p.id = r.project_id where p.network_id = $1 order by r.id limit 300`,
    );
    const decisions = await poolOf<{ id: string; version: number }>(
      `select ai.id, ai.version from agenda_items ai join meetings m on m.id = ai.meeting_id join bodies b on b.id = m.body_id
       where b.network_id = $1 and m.status = 'held' and ai.outcome = 'decided' order by ai.id limit 300`,
    );
    const benefits = await poolOf<{ id: string; version: number; title: string }>(
      `select b.id, b.version, b.title from benefits b join projects p on p.id = b.project_id
       where p.network_id = $1 and b.deleted_at is null order by b.id limit 300`,
    );
    const kinds = (
      [
        ['adoption', adoptions],
        ['application', applications],
        ['measurement', measurements],
        ['project', projects],
        ['risk', risks],
        ['decision', decisions],
        ['benefit', benefits],
      ] as const
    )
      .filter(([, pool]) => pool.free.length > 0)
      .map(([kind]) => kind);
    let counter = 0;
    const send = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${appUrl}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: response.ok ? (JSON.parse(text) as { version?: number; risks?: { id: string; version: number }[] }) : null,
        text,
      };
    };
    return {
      kinds,
      async write(kind) {
        counter++;
        if (kind === 'adoption') {
          const record = adoptions.free.shift()!;
          try {
            const status = ADOPTION_STATUSES.filter((s) => s !== record.status)[counter % (ADOPTION_STATUSES.length - 1)]!;
            const res = await send('PUT', `/api/municipalities/${record.municipality}/adoptions/${record.solution}`, {
              status,
              version: record.version,
            });
            if (res.body?.version) Object.assign(record, { version: res.body.version, status });
            return res.status;
          } finally {
            adoptions.free.push(record);
          }
        }
        if (kind === 'measurement') {
          const record = measurements.free.shift()!;
          try {
            const day = new Date(Date.UTC(2025, 0, 1) + (counter % 600) * 86_400_000).toISOString().slice(0, 10);
            const res = await send('POST', `/api/benefit-indicators/${record.indicator}/measurements`, {
              municipalityNumber: record.municipality,
              measuredOn: day,
              value: counter % 100,
            });
            return res.status;
          } finally {
            measurements.free.push(record);
          }
        }
        if (kind === 'application' || kind === 'risk') {
          const pool = kind === 'application' ? applications : risks;
          const record = pool.free.shift()!;
          try {
            const res =
              kind === 'application'
                ? await send('PATCH', `/api/applications/${record.id}`, { userCount: 10 + (counter % 500), version: record.version })
                : await send('PATCH', `/api/project-risks/${record.id}`, { probabilityBefore: 1 + (counter % 5), version: record.version });
            // A risk's change answers with its project: the risk's own version is in its list.
            const written = kind === 'application' ? res.body : res.body?.risks?.find((r) => r.id === record.id);
            if (written?.version) record.version = written.version;
            return res.status;
          } finally {
            pool.free.push(record);
          }
        }
        if (kind === 'benefit' || kind === 'project') {
          const record = (kind === 'benefit' ? benefits : projects).free.shift()!;
          try {
            const res = await send('PATCH', `/api/${kind === 'benefit' ? 'benefits' : 'projects'}/${record.id}`, {
              title: `${record.title} (${counter})`,
              version: record.version,
            });
            if (res.body?.version) record.version = res.body.version;
            return res.status;
          } finally {
            (kind === 'benefit' ? benefits : projects).free.push(record);
          }
        }
        const record = decisions.free.shift()!;
        try {
          const res = await send('PATCH', `/api/agenda-items/${record.id}`, {
            decision: `Vedtatt som innstilt (lagret ${counter}).`,
            version: record.version,
          });
          if (res.body?.version) record.version = res.body.version;
          return res.status;
        } finally {
          decisions.free.push(record);
        }
      },
    };
  } finally {
    await client.end();
  }
}
