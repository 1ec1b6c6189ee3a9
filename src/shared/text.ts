/**
 * A key that sorts Norwegian text correctly under the databases' C collation (… x y z æ ø å):
 * the three letters are mapped to the three ASCII characters that follow `z`. As in Norwegian
 * collation (Intl.Collator('nb')), the old spelling "aa" sorts as "å" (Aasen after Zahl), ä as æ and
 * ö as ø; other accents are ignored.
 */
export function norwegianSortKey(text: string): string {
  return (
    text
      .normalize('NFD')
      // Before lower-casing and on the decomposed text, as the collation does: "aA" is no å, but "aå" is.
      .replace(/aa|Aa|AA/g, '}')
      .toLowerCase()
      .replace(/a\u030a/g, '}')
      .replace(/æ|a\u0308/g, '{')
      .replace(/ø|o\u0308/g, '|')
      .replace(/[\u0300-\u036f]/g, '')
  );
}

const collator = new Intl.Collator('nb');
export const compareNorwegian = (a: string, b: string) => collator.compare(a, b);
