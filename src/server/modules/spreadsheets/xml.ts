import { unreadable } from './types.ts';

/**
 * A small streaming XML tokenizer for the parts of an XLSX workbook: tags, text and CDATA, given piece by piece as the
 * part is unpacked. It knows no DTD: a document type declaration is refused, so no entity can expand (the «billion
 * laughs»); only the five predefined entities and character references are decoded.
 */

export interface XmlHandler {
  /** A start tag; `name` without its namespace prefix; `attributes` the raw text after the name. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, still escaped unless `cdata`. */
  text(text: string, cdata: boolean): void;
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Feeds the handler every whole token of `text` and answers where the unfinished rest begins (a tag cut in two, or
 * text not yet closed by a tag), which the caller puts before the next piece. With `final`, trailing text is given too.
 */
export function scanXml(text: string, handler: XmlHandler, final: boolean): number {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      if (!final) return i;
      handler.text(text.slice(i), false);
      return n;
    }
    if (lt > i) handler.text(text.slice(i, lt), false);
    if (lt + 1 >= n) return lt;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) return lt;
        i = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) return lt;
        handler.text(text.slice(lt + 9, end), true);
        i = end + 3;
        continue;
      }
      if (n - lt < 9 && !final) return lt;
      // <!DOCTYPE …> and anything else: no workbook part has one.
      throw unreadable('damaged');
    }
    if (next === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) return lt;
      i = end + 2;
      continue;
    }
    // The tag's end: the first «>» outside a quoted attribute value.
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) break;
    }
    if (j >= n) return lt;
    if (next === 0x2f /* / */) {
      handler.close(localName(text.slice(lt + 2, j).trim()));
    } else {
      const selfClosing = text.charCodeAt(j - 1) === 0x2f;
      const bodyEnd = selfClosing ? j - 1 : j;
      let nameEnd = lt + 1;
      while (nameEnd < bodyEnd && !isSpace(text.charCodeAt(nameEnd))) nameEnd++;
      const name = localName(text.slice(lt + 1, nameEnd));
      handler.open(name, text.slice(nameEnd, bodyEnd), selfClosing);
      if (selfClosing) handler.close(name);
    }
    i = j + 1;
  }
  return n;
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A tag's attributes by name as written (with a prefix where it has one), their values decoded. */
export function attributes(raw: string): Record<string, string> {
  const result: Record<string, string> = {};
  if (raw === '') return result;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(raw); m !== null; m = ATTRIBUTE.exec(raw)) result[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  return result;
}

/** The value of the attribute whose name without its prefix is `local` («r:id» for «id»). */
export function prefixedAttribute(all: Record<string, string>, local: string): string | undefined {
  for (const [name, value] of Object.entries(all)) if (name.includes(':') && localName(name) === local) return value;
  return undefined;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(value: number): string {
  return value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff) ? String.fromCodePoint(value) : '\uFFFD';
}

/** The five predefined entities and character references; anything else is left as written. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, entity: string) => {
    if (entity.startsWith('#x')) return codePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return codePoint(parseInt(entity.slice(1), 10));
    return NAMED[entity]!;
  });
}

/**
 * OOXML writes a character XML cannot hold (a carriage return, a control character) as `_xHHHH_`, and a literal
 * «_x» that would read as one as `_x005F_x…`: Excel shows the character, and so does the reader.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
