import type { ComponentPropsWithoutRef } from 'react';
import Markdown from 'react-markdown';

type HeadingProps = ComponentPropsWithoutRef<'h5'> & { node?: unknown };
const strip = ({ node: _node, ...rest }: HeadingProps) => rest;
const h5 = (p: HeadingProps) => <h5 {...strip(p)} />;
const h6 = (p: HeadingProps) => <h6 {...strip(p)} />;

/**
 * Markdown from a case or a mandate as the public reads it. Raw HTML is never rendered, and the text's
 * own headings sit below the page's (h5 and h6), whatever level they were written at.
 */
export function PublicMarkdown({ text }: { text: string }) {
  return (
    <div className="dr-markdown">
      <Markdown skipHtml components={{ h1: h5, h2: h5, h3: h5, h4: h6, h5: h6, h6 }}>
        {text}
      </Markdown>
    </div>
  );
}
