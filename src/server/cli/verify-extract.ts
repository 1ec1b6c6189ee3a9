import { createReadStream } from 'node:fs';
import { verifyTar } from '../modules/archive/index.ts';

/**
 * `npm run verify-extract -- arkivuttrekk.tar`: checks a Noark 5 extract by itself, as its receiver would: every
 * document's SHA-256 and size against arkivstruktur.xml, the XML files against arkivuttrekk.xml, and every count.
 * Needs no database. Exits 0 when everything agrees, 1 with every problem listed when not, 2 on bad usage.
 */
async function run(): Promise<number> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0) {
    console.error('usage: npm run verify-extract -- <arkivuttrekk.tar>');
    return 2;
  }
  const result = await verifyTar(createReadStream(file));
  const { counts } = result;
  console.log(
    `${file}: ${result.files} files, ${result.documentFiles} documents; ${counts.folders} folders, ${counts.registrations} registrations, ` +
      `${counts.documents} document descriptions.`,
  );
  if (result.ok) {
    console.log('Every checksum and count agrees.');
    return 0;
  }
  for (const problem of result.problems) console.log(`- ${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
  console.log(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}.`);
  return 1;
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
