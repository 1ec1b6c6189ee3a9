/**
 * A key that sorts Norwegian text correctly under the databases' C collation (… x y z æ ø å):
 * the three letters are mapped to the three ASCII characters that follow `z`.
 */
export function norwegianSortKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æä]/g, '{')
    .replace(/[øö]/g, '|')
    .replace(/å/g, '}')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

const collator = new Intl.Collator('nb');
export const compareNorwegian = (a: string, b: string) => collator.compare(a, b);
