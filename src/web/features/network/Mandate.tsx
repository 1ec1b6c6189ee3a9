import type { ComponentPropsWithoutRef } from 'react';
import Markdown from 'react-markdown';

type HeadingProps = ComponentPropsWithoutRef<'h3'> & { node?: unknown };
const strip = ({ node: _node, ...rest }: HeadingProps) => rest;

/**
 * A mandate written in Markdown. Raw HTML is never rendered (react-markdown's default), and the
 * mandate's headings sit under the page's «Mandat» heading (h2), so they start at h3.
 */
export function Mandate({ text }: { text: string }) {
  return (
    <div className="dr-markdown">
      <Markdown
        skipHtml
        components={{
          h1: (p: HeadingProps) => <h3 {...strip(p)} />,
          h2: (p: HeadingProps) => <h3 {...strip(p)} />,
          h3: (p: HeadingProps) => <h4 {...strip(p)} />,
          h4: (p: HeadingProps) => <h5 {...strip(p)} />,
          h5: (p: HeadingProps) => <h6 {...strip(p)} />,
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
