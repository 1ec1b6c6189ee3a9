export { attachmentHeader, sendFile } from './send-file.ts';
export {
  renderTable,
  renderWorkbook,
  sheetOf,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportColumn,
  type ExportSheet,
  type RenderedFile,
} from './table-export.ts';
export {
  renderMinutesPdf,
  renderMinutesDocx,
  MINUTES_LABELS,
  type MinutesDocument,
  type MinutesCase,
  type MinutesLabels,
  type Person,
  type DocLanguage,
} from './minutes.ts';
export {
  renderSummonsPdf,
  renderSummonsDocx,
  SUMMONS_LABELS,
  type SummonsDocument,
  type SummonsItem,
  type SummonsLabels,
} from './summons.ts';
export { renderIcs, osloLocalToUtc, type CalendarEvent, type CalendarOptions } from './ics.ts';
export {
  renderStrategyPdf,
  renderStrategyDocx,
  STRATEGY_LABELS,
  type StrategyDocument,
  type StrategyLabels,
  type StrategyDocSection,
} from './strategy.ts';
export { renderBlocksPdf, forgetTypesetting, PDF_STANDARD } from './pdf.ts';
export { heading, markdownToBlocks, type BlockDocument } from './markdown-blocks.ts';
export {
  renderStatusReportPdf,
  formatKroner,
  STATUS_REPORT_LABELS,
  type StatusReportDocument,
  type StatusReportLabels,
  type DocLight,
} from './status-report.ts';
