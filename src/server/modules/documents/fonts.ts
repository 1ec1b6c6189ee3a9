import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The fonts every PDF is set in, and the text they can show. Roboto comes from an npm package (OFL 1.1), so a PDF
 * looks the same and has the same bytes on every server, with no system font package needed (decision 0011).
 */

export const FONT_FAMILY = 'Roboto';

const require = createRequire(import.meta.url);
// Regular and Medium as today's documents use them (bold text is Roboto Medium), each upright and italic.
const FONT_FILES = [
  '400Regular/Roboto_400Regular.ttf',
  '400Regular_Italic/Roboto_400Regular_Italic.ttf',
  '500Medium/Roboto_500Medium.ttf',
  '500Medium_Italic/Roboto_500Medium_Italic.ttf',
].map((file) => require.resolve(`@expo-google-fonts/roboto/${file}`));

let loaded: { blobs: Buffer[]; covered: Set<number> } | null = null;

/** The font files and the code points all of them can show, read once. */
export function documentFonts(): { blobs: Buffer[]; covered: Set<number> } {
  if (!loaded) {
    const blobs = FONT_FILES.map((file) => readFileSync(file));
    const [first, ...rest] = blobs.map(cmapCodePoints);
    const covered = new Set([...(first ?? [])].filter((cp) => rest.every((set) => set.has(cp))));
    loaded = { blobs, covered };
  }
  return loaded;
}

/**
 * The code points a TrueType/OpenType font maps to a glyph, from its `cmap` table: the Unicode subtable in format 12
 * (all planes) when there is one, else format 4 (the basic plane).
 */
export function cmapCodePoints(font: Buffer): Set<number> {
  const tableCount = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tableCount; i++) {
    const record = 12 + 16 * i;
    if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error('The font has no cmap table');
  const subtables = font.readUInt16BE(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const offset = cmap + font.readUInt32BE(record + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = font.readUInt16BE(offset);
    if (format === 12 && format12 < 0) format12 = offset;
    if (format === 4 && format4 < 0) format4 = offset;
  }
  const points = new Set<number>();
  if (format12 >= 0) {
    const groups = font.readUInt32BE(format12 + 12);
    for (let i = 0; i < groups; i++) {
      const group = format12 + 16 + 12 * i;
      const start = font.readUInt32BE(group);
      const end = font.readUInt32BE(group + 4);
      const glyph = font.readUInt32BE(group + 8);
      for (let cp = start; cp <= end; cp++) if (glyph + (cp - start) !== 0) points.add(cp);
    }
    return points;
  }
  if (format4 < 0) throw new Error('The font has no Unicode cmap subtable');
  const segments = font.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const end = font.readUInt16BE(ends + 2 * s);
    const start = font.readUInt16BE(starts + 2 * s);
    const delta = font.readUInt16BE(deltas + 2 * s);
    const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const at = rangeOffsets + 2 * s + rangeOffset + 2 * (cp - start);
        glyph = font.readUInt16BE(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(cp);
    }
  }
  return points;
}

/** C0 and C1 control characters; a font may map some of them (a carriage return, say), but they show nothing. */
const control = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
/** PDF/A forbids private-use code points. */
const privateUse = (cp: number) => (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
/** The byte order mark and the non-characters mean nothing in a text. */
const meaningless = (cp: number) => cp === 0xfeff || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;

const NO_BREAK = new Set([0x00a0, 0x2007, 0x202f, 0x2060]);

/**
 * The text as the fonts can show it. An archival PDF may not contain a character without a glyph, so what Roboto
 * cannot show (Chinese, emoji, a lone surrogate, a control character) is replaced, never left to fail the render:
 * a space-like character by a space (a no-break one by U+00A0), an invisible format character by nothing, anything
 * else by «?». Line breaks stay. Norwegian, Sámi and the other Latin, Greek and Cyrillic scripts are all covered.
 */
export function printable(text: string): string {
  const { covered } = documentFonts();
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n') out += ch;
    else if (covered.has(cp) && !control(cp) && !privateUse(cp) && !meaningless(cp)) out += ch;
    else if (meaningless(cp)) continue;
    else if (/\s/u.test(ch)) out += NO_BREAK.has(cp) && covered.has(0xa0) ? '\u00a0' : ' ';
    else if (/[\p{Cc}\p{Cf}\p{Cs}\p{Mn}]/u.test(ch)) continue;
    else out += '?';
  }
  return out;
}
