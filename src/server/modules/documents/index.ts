export { renderTable, attachmentHeader, EXPORT_FORMATS, type ExportFormat, type ExportColumn, type RenderedFile } from './table-export.ts';
