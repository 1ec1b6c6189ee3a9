import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { projects } from '../db/schema/index.ts';
import { requireNetwork } from '../modules/network/index.ts';
import { createStatusReport, publishStatusReport } from '../modules/portfolio/index.ts';
import type { FileStorage } from '../modules/storage/index.ts';
import type { StatusReportInput } from '../../shared/portfolio/status-reports.ts';

/**
 * Status reports for DigiVesterålen's DigiHelse project (demo/projects.ts), month by month since its start in
 * August 2026: September on track, October with the time slipping (yellow), both published; November still a
 * draft. The forms procurement has none, so the portfolio shows a project without a status too. The snapshots go to
 * the storage the demo is seeded with.
 */
export async function seedStatusReports(ctx: RequestContext, storage: FileStorage): Promise<void> {
  const network = await requireNetwork(ctx, 'digivesteralen');
  const [digiHelse] = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.networkId, network.id), eq(projects.title, 'Felles innføring av DigiHelse i Vesterålen')));
  if (!digiHelse) return;

  const green = (comment: string | null = null) => ({ status: 'green' as const, comment });
  const yellow = (comment: string) => ({ status: 'yellow' as const, comment });
  const reports: Array<{ input: StatusReportInput; publishedAt: Date | null }> = [
    {
      input: {
        periodKind: 'month',
        year: 2026,
        period: 9,
        overall: 'green',
        summary:
          'Oppstarten er gjennomført. Alle fem deltakende kommuner har utpekt ressurspersoner, og felles prosjektplan er godkjent av styringsgruppen.',
        parameters: {
          benefits: green('Gevinstkartet er påbegynt sammen med kommunene.'),
          cost: green(),
          time: green('Oppstart 1. august som planlagt.'),
          quality: green(),
          scope: green(),
          sustainability: green(),
          risk: green('Ingen nye risikoer.'),
        },
        budget: 1_800_000,
        spent: 210_000,
        forecast: 1_800_000,
      },
      publishedAt: new Date('2026-10-05T08:30:00Z'),
    },
    {
      input: {
        periodKind: 'month',
        year: 2026,
        period: 10,
        overall: 'yellow',
        summary:
          'Integrasjonen mot fagsystemet i Hadsel er forsinket hos leverandøren. Øvrige kommuner følger planen; styringsgruppen orienteres i neste møte.',
        parameters: {
          benefits: green(),
          cost: yellow('Ekstra konsulenttimer til integrasjonen kan gi et overforbruk på om lag 60 000 kr.'),
          time: yellow('Hadsel er om lag tre uker forsinket.'),
          quality: green(),
          scope: green(),
          sustainability: green(),
          risk: yellow('Risikoen for leveranseforsinkelse er økt til middels.'),
        },
        budget: 1_800_000,
        spent: 455_000,
        forecast: 1_860_000,
      },
      publishedAt: new Date('2026-11-06T09:15:00Z'),
    },
    {
      input: {
        periodKind: 'month',
        year: 2026,
        period: 11,
        overall: 'yellow',
        summary: 'Utkast: venter på ny framdriftsplan fra leverandøren.',
        parameters: {
          benefits: green(),
          cost: yellow('Avventer tilbud på ekstra timer.'),
          time: yellow('Ny plan ventes i desember.'),
          quality: green(),
          scope: green(),
          sustainability: green(),
          risk: yellow('Uendret.'),
        },
        budget: 1_800_000,
        spent: null,
        forecast: null,
      },
      publishedAt: null,
    },
  ];
  for (const { input, publishedAt } of reports) {
    const report = await createStatusReport(ctx, digiHelse.id, input);
    if (publishedAt) await publishStatusReport(ctx, storage, report.id, report.version, publishedAt);
  }
}
