import type { RequestContext } from '../../context.ts';
import type { HistoryImportResult, OparlImportInput } from '../../../shared/meetings/history.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';
import { requireNetwork } from '../network/index.ts';
import type { FileStorage } from '../storage/index.ts';
import { applyHistoryPlan, refuseWithProblems } from './history-import.ts';
import { planFromOparl, type OparlFetchOptions } from './history-oparl.ts';
import { historyTemplate, HISTORY_TEMPLATE_NAME, planFromSpreadsheet } from './history-sheet.ts';

/** The secretariat's own network, to bring history into. */
async function administeredNetwork(ctx: RequestContext, networkRef: string) {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  return network;
}

/** The template to fill in, with a sheet that explains each column. */
export async function historyTemplateFile(ctx: RequestContext, networkRef: string) {
  await administeredNetwork(ctx, networkRef);
  return {
    body: await historyTemplate(),
    fileName: HISTORY_TEMPLATE_NAME,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

/** History from the spreadsheet template and its ZIP of attachments: every row checked, then all or nothing. */
export async function importHistorySpreadsheet(
  ctx: RequestContext,
  storage: FileStorage,
  networkRef: string,
  files: { spreadsheet: Buffer; zip: Buffer | null; fileName?: string },
): Promise<HistoryImportResult> {
  const network = await administeredNetwork(ctx, networkRef);
  const { plan, problems } = await planFromSpreadsheet(ctx, network.id, files);
  refuseWithProblems(problems, ctx.language);
  return applyHistoryPlan(ctx, storage, plan);
}

/** History from another system's OParl API: everything read and checked first, then all or nothing. */
export async function importHistoryOparl(
  ctx: RequestContext,
  storage: FileStorage,
  networkRef: string,
  input: OparlImportInput,
  options: OparlFetchOptions,
): Promise<HistoryImportResult> {
  const network = await administeredNetwork(ctx, networkRef);
  const { plan, problems } = await planFromOparl(ctx, network.id, input.systemUrl, options);
  refuseWithProblems(problems, ctx.language);
  return applyHistoryPlan(ctx, storage, plan);
}
