import { Link, Paragraph } from '@digdir/designsystemet-react';
import { ButtonRow } from './ui.tsx';

/**
 * A row of download links (an export as Excel and CSV, a template): each a file the browser saves rather than opens.
 * `label` names the set as a navigation landmark, where a page has more than one; `row` lays it out as a button row.
 */
export function Downloads({ links, label, row }: { links: readonly { href: string; label: string }[]; label?: string; row?: boolean }) {
  const anchors = links.map((l) => (
    <Link key={l.href} href={l.href} download>
      {l.label}
    </Link>
  ));
  const set = row ? (
    <ButtonRow>{anchors}</ButtonRow>
  ) : (
    <Paragraph data-size="sm" className="dr-downloads">
      {anchors}
    </Paragraph>
  );
  return label ? <nav aria-label={label}>{set}</nav> : set;
}

/** The links of an export in the two formats it comes in. */
export function exportLinks(href: (format: 'xlsx' | 'csv') => string, labels: { xlsx: string; csv: string }) {
  return [
    { href: href('xlsx'), label: labels.xlsx },
    { href: href('csv'), label: labels.csv },
  ];
}
