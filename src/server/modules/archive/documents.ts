import type { AgendaItem, Meeting } from '../../../shared/meetings/schema.ts';
import { MEETING_TERMS } from '../../../shared/meetings/terms.ts';
import { heading, markdownToBlocks, renderBlocksPdf, type BlockDocument } from '../documents/index.ts';
import type { BodyWithNetwork } from '../meetings/index.ts';

type Block = BlockDocument['blocks'][number];

const day = (iso: string) => iso.split('-').reverse().join('.');

/**
 * A case paper (saksframlegg) as its own document, as an archive keeps it beside the summons: the case, the body and
 * meeting it went to, the paper and the recommendation. Rendered by the documents module like the summons.
 */
export function renderCasePaperPdf(item: AgendaItem, meeting: Meeting, body: BodyWithNetwork): Promise<Buffer> {
  const rows = [
    { label: 'Saksnr.', lines: [item.number || '–'] },
    { label: 'Sakstype', lines: [MEETING_TERMS.nb.caseTypes[item.type]] },
    { label: 'Organ', lines: [body.name] },
    { label: 'Møtedato', lines: [day(meeting.date)] },
    { label: 'Saksbehandler', lines: item.caseOfficerName ? [item.caseOfficerName] : [] },
    { label: 'Unntatt offentlighet', lines: item.exemptFromPublic ? [`Ja, jf. ${item.exemptLegalBasis ?? ''}`.trim()] : [] },
  ].filter((row) => row.lines.length > 0);
  const blocks: Block[] = [
    heading(1, 'SAKSFRAMLEGG'),
    { kind: 'paragraph', runs: [{ text: item.title, bold: true }] },
    { kind: 'fields', rows },
  ];
  if (item.casePaper.trim()) blocks.push(heading(2, 'Saksframlegg'), ...markdownToBlocks(item.casePaper));
  if (item.recommendation.trim()) blocks.push(heading(2, 'Innstilling'), ...markdownToBlocks(item.recommendation));
  return renderBlocksPdf({
    language: 'nb',
    title: `Saksframlegg ${item.number} ${item.title}`.replace(/\s+/g, ' ').trim(),
    runningHeader: null,
    footer: `${body.networkName} · ${body.name} · sak ${item.number}`,
    pageLabel: { page: 'Side', of: 'av' },
    blocks,
  });
}
