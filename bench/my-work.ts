import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/server/db/client.ts';
import { roleAssignments, users } from '../src/server/db/schema/index.ts';
import { loadMunicipalitiesFile } from '../src/server/modules/network/index.ts';
import { SESSION_COOKIE, startSession } from '../src/server/modules/auth/index.ts';
import { cleanUp, login, memorySampler, startServer, stopServer, throwawayDatabase, type Cleanups } from './child.ts';
import { generateDataset, generateMappingDataset } from './generate.ts';
import { generatePortfolio } from './generate-portfolio.ts';

/**
 * `npx tsx bench/my-work.ts` (issue 18): the start page and the municipality page on the national dataset in PostgreSQL
 * (people, bodies, meetings, mapping, 5,000 projects with benefits and measurements), the app in a child process.
 *
 *   (a) GET /api/me/work at --connections, asked in turn for 1,000 different people (each its own account and session,
 *       a tenth of them a network's secretariat and a tenth a municipality's contact), so no answer is served twice
 *       in a row for one person: target p99 < 50 ms;
 *   (b) GET /api/municipalities/:nr/panel for all 357 municipalities in turn, as the platform administrator (who sees
 *       every network): target p99 < 100 ms;
 *   and the bare route in the same run, beside them, for what the machine gives at that moment; then each route on one
 *   connection, for what a request costs when it does not queue.
 *
 *   Each of (a) and (b) is first run for --warm-up seconds under the same load, reported apart and not judged: a new
 *   process compiles its hot code and opens its database connections in those first seconds (the start page gives about
 *   a third of its answers a second in the first second), which is not what people meet in a process that has run.
 *
 *   --connections <n>  (50)   --seconds <s> per phase (15)   --warm-up <s> (5)   --json <file>
 */

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '15' },
    'warm-up': { type: 'string', default: '5' },
    json: { type: 'string' },
  },
});
const CONNECTIONS = Number(args.connections);
const SECONDS = Number(args.seconds);
const WARM_UP_SECONDS = Number(args['warm-up']);
const PEOPLE = 1000;
const cleanups: Cleanups = [];

interface Load {
  name: string;
  requests: number;
  distinct: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  target: number | null;
}

function run(
  name: string,
  base: string,
  paths: { path: string; cookie: string }[],
  target: number | null,
  connections = CONNECTIONS,
  seconds = SECONDS,
): Promise<Load> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            setupRequest: (request: autocannon.Request) => {
              const call = paths[next++ % paths.length]!;
              return { ...request, method: 'GET', path: call.path, headers: { ...request.headers, cookie: call.cookie } };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({
          name,
          requests: result.requests.total,
          distinct: Math.min(paths.length, result.requests.total),
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          target,
        });
      },
    );
  });
}

async function prepare() {
  const { url, serverVersion } = await throwawayDatabase('digiregion_mywork_bench', cleanups);
  console.log(`Generating the national dataset in ${new URL(url).pathname.slice(1)} …`);
  const database = await openDatabase({ url });
  try {
    await database.migrate();
    await loadMunicipalitiesFile(database.db);
    await generateDataset(database.db);
    await generateMappingDataset(database.db);
    await generatePortfolio(database.db);
    const db = database.db;
    // 1,000 people with e-mail, spread over the networks: those in bodies first (they have meetings), then the rest.
    const chosen = await queryRows<{
      id: string;
      email: string;
      name: string;
      municipality_number: string | null;
      network_id: string | null;
    }>(
      db,
      sql`select p.id, p.email, p.name, p.municipality_number,
            (select b.network_id from body_memberships bm join bodies b on b.id = bm.body_id where bm.person_id = p.id limit 1) as network_id
          from people p where p.email is not null
          order by (exists (select 1 from body_memberships bm where bm.person_id = p.id)) desc, md5(p.id::text)
          limit ${PEOPLE}`,
    );
    if (chosen.length < PEOPLE) throw new Error(`only ${chosen.length} people with e-mail`);
    const hash = (await queryRows<{ hash: string }>(db, sql`select password_hash as hash from users limit 1`))[0]!.hash;
    const sessions: string[] = [];
    for (const [i, person] of chosen.entries()) {
      const [user] = await db
        .insert(users)
        .values({ email: person.email.toLowerCase(), name: person.name, passwordHash: hash })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!user) continue;
      if (i % 10 === 1 && person.network_id)
        await db.insert(roleAssignments).values({ userId: user.id, role: 'networkAdmin', networkId: person.network_id });
      if (i % 10 === 2 && person.municipality_number)
        await db
          .insert(roleAssignments)
          .values({ userId: user.id, role: 'municipalityEditor', municipalityNumber: person.municipality_number });
      const session = await startSession(db, user.id);
      sessions.push(`${SESSION_COOKIE}=${session.token}`);
    }
    const numbers = (
      await queryRows<{ number: string }>(db, sql`select number from municipalities where valid_to is null order by number`)
    ).map((r) => r.number);
    return { url, serverVersion, sessions, numbers };
  } finally {
    await database.close();
  }
}

async function main() {
  const before = loadavg();
  const { url, serverVersion, sessions, numbers } = await prepare();
  const { child, ready } = await startServer(url);
  cleanups.push(() => stopServer(child));
  const base = ready.appUrl;
  const bare = new URL(ready.bareUrl);
  const rss = memorySampler(child.pid!);
  cleanups.push(async () => rss.stop());
  const admin = await login(base);
  // One warm-up pass of each, so the first compilation of the queries is not in the figures.
  for (const cookie of sessions.slice(0, 20)) await fetch(`${base}/api/me/work`, { headers: { cookie } });
  for (const n of numbers.slice(0, 20)) await fetch(`${base}/api/municipalities/${n}/panel`, { headers: { cookie: admin.cookie } });
  const check = await fetch(`${base}/api/me/work`, { headers: { cookie: sessions[0]! } });
  if (!check.ok) throw new Error(`GET /api/me/work answered ${check.status}`);

  const workCalls = sessions.map((cookie) => ({ path: '/api/me/work', cookie }));
  const panelCalls = numbers.map((n) => ({ path: `/api/municipalities/${n}/panel`, cookie: admin.cookie }));
  const loadDuring = loadavg();
  const loads = [await run('bare route', bare.origin, [{ path: bare.pathname, cookie: '' }], null)];
  loads.push(await run('warm-up, not judged: GET /api/me/work', base, workCalls, null, CONNECTIONS, WARM_UP_SECONDS));
  loads.push(await run(`GET /api/me/work, ${sessions.length} people in turn`, base, workCalls, 50));
  loads.push(await run('warm-up, not judged: GET /api/municipalities/:nr/panel', base, panelCalls, null, CONNECTIONS, WARM_UP_SECONDS));
  loads.push(await run(`GET /api/municipalities/:nr/panel, ${numbers.length} municipalities in turn`, base, panelCalls, 100));
  // One request at a time: what a request costs when it does not queue behind 49 others.
  loads.push(
    await run('GET /api/me/work, one connection', base, workCalls, null, 1),
    await run('GET /api/municipalities/:nr/panel, one connection', base, panelCalls, null, 1),
  );
  const after = loadavg();
  const report = {
    machine: {
      cpus: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      loadavgBefore: before,
      loadavgAtStart: loadDuring,
      loadavgAfter: after,
    },
    postgres: serverVersion,
    connections: CONNECTIONS,
    seconds: SECONDS,
    warmUpSeconds: WARM_UP_SECONDS,
    rssPeakMb: Math.round(rss.peak()),
    loads,
  };
  console.log(
    `\nloadavg (1, 5, 15 min): before ${before.map((x) => x.toFixed(2)).join(' ')}, at the start of the load ${loadDuring.map((x) => x.toFixed(2)).join(' ')}, after ${after.map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} CPUs`,
  );
  for (const l of loads)
    console.log(
      `${l.name}: ${l.requests} requests, ${l.requestsPerSecond.toFixed(0)}/s, p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms, non-2xx ${l.non2xx}, errors ${l.errors}${
        l.target ? ` — target p99 < ${l.target} ms: ${l.p99 < l.target ? 'met' : 'NOT met'}` : ''
      }`,
    );
  console.log(`server resident memory peak: ${report.rssPeakMb} MB`);
  if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp(cleanups));
