import { Link, Paragraph } from '@digdir/designsystemet-react';

/** A row of download links (an export as Excel and CSV, a template): each a file the browser saves rather than opens. */
export function Downloads({ links }: { links: readonly { href: string; label: string }[] }) {
  return (
    <Paragraph data-size="sm" className="dr-downloads">
      {links.map((l) => (
        <Link key={l.href} href={l.href} download>
          {l.label}
        </Link>
      ))}
    </Paragraph>
  );
}

/** The links of an export in the two formats it comes in. */
export function exportLinks(href: (format: 'xlsx' | 'csv') => string, labels: { xlsx: string; csv: string }) {
  return [
    { href: href('xlsx'), label: labels.xlsx },
    { href: href('csv'), label: labels.csv },
  ];
}
