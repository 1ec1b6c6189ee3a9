import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeMappingWorkbook } from '../src/server/modules/mapping/spreadsheet.ts';
import { MUNICIPALITIES_CSV, parseMunicipalities } from '../src/server/modules/network/reference-data.ts';
import { BENCH_SOLUTION, planNationalMapping } from './generate.ts';

const SHARED_SOLUTIONS_JSON = fileURLToPath(new URL('../data/reference/shared-solutions.json', import.meta.url));

/**
 * The national mapping workbook (every municipality × 120 applications ≈ 43,000 rows, and a status for each of
 * 40 shared solutions) as the template writer writes it, without a database: what `bench/mapping-import.ts`
 * imports, and the largest real file the spreadsheet reader's limits must take.
 */
export async function nationalWorkbook(perMunicipality = 120): Promise<{ bytes: Buffer; numbers: string[]; solutionKeys: string[] }> {
  const municipalities = parseMunicipalities(readFileSync(MUNICIPALITIES_CSV, 'utf8'));
  const catalog = JSON.parse(readFileSync(SHARED_SOLUTIONS_JSON, 'utf8')) as { key: string; name: string; owner: string }[];
  const solutions = [...catalog, BENCH_SOLUTION].map((s) => ({ key: s.key, name: s.name, owner: s.owner }));
  const numbers = municipalities.map((m) => m.number).sort();
  const solutionKeys = solutions.map((s) => s.key);
  const plan = planNationalMapping(numbers, solutionKeys, perMunicipality);
  const bytes = await writeMappingWorkbook({
    municipalities: numbers.map((number) => ({ number, name: municipalities.find((m) => m.number === number)!.name })),
    solutions,
    applications: plan.applications,
    adoptions: plan.adoptions,
  });
  return { bytes, numbers, solutionKeys };
}
