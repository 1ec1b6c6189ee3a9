import { createHash } from 'node:crypto';

/**
 * Writing XML by hand, safely: every text and attribute value goes through `escapeXml`, which also drops the
 * characters XML 1.0 cannot hold (control characters a pasted text may carry), so no input can break a document.
 */

// XML 1.0 allows tab, newline, carriage return and everything from U+0020 except the surrogates and U+FFFE/U+FFFF.
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `<name>value</name>`, or nothing for a missing or blank value (Noark's optional elements are left out, never empty). */
export function element(name: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value.trim();
  return text === '' ? '' : `<${name}>${escapeXml(text)}</${name}>`;
}

/** An xs:dateTime in UTC, as Noark 5 dates (opprettetDato, arkivertDato …) are typed. */
export const dateTime = (date: Date) => date.toISOString();

/**
 * A UUID made from names (RFC 4122 version 5 layout over SHA-256): the same record gets the same systemID in every
 * extract and in the public form, so an archive that receives two extracts sees one record twice, not two records.
 */
export function nameUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
