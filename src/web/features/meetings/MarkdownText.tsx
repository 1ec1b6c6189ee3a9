import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import Markdown from 'react-markdown';
import { Details, Paragraph } from '@digdir/designsystemet-react';
import { TextField, type FormState } from '../../app/forms.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { useMeetingMessages } from './messages.ts';

type HeadingProps = ComponentPropsWithoutRef<'h4'> & { node?: unknown };
type Level = 3 | 4 | 5 | 6;
const strip = ({ node: _node, ...rest }: HeadingProps) => rest;

function heading(level: number) {
  const Tag = `h${Math.min(level, 6) as Level}` as const;
  return function MarkdownHeading(props: HeadingProps) {
    return <Tag {...strip(props)} />;
  };
}

const COMPONENTS_BY_LEVEL = new Map(
  ([3, 4, 5, 6] as const).map((top) => [
    top,
    { h1: heading(top), h2: heading(top + 1), h3: heading(top + 2), h4: heading(top + 3), h5: heading(top + 4), h6: heading(top + 5) },
  ]),
);

/**
 * Markdown from a case (case paper, recommendation, decision …). Raw HTML is never rendered, and the
 * text's own headings start at `level`, below the heading they sit under.
 */
export function MarkdownText({ text, level = 4 }: { text: string; level?: Level }) {
  return (
    <div className="dr-markdown">
      <Markdown skipHtml components={COMPONENTS_BY_LEVEL.get(level)}>
        {text}
      </Markdown>
    </div>
  );
}

/** A Markdown textarea with a preview that opens below it. */
export function MarkdownField({
  state,
  name,
  label,
  description,
  value,
  onChange,
  rows = 6,
  required,
}: {
  state: FormState;
  name: string;
  label: string;
  description?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  required?: boolean;
}) {
  const mm = useMeetingMessages();
  return (
    <div className="dr-stack" style={{ gap: 'var(--ds-size-2)' }}>
      <TextField
        state={state}
        name={name}
        label={label}
        description={description}
        multiline
        rows={rows}
        value={value}
        onChange={onChange}
        required={required}
      />
      <Details>
        <Details.Summary>{fmt(mm.markdown.preview, { label })}</Details.Summary>
        <Details.Content>
          {value.trim() ? <MarkdownText text={value} level={5} /> : <Paragraph data-size="sm">{mm.markdown.empty}</Paragraph>}
        </Details.Content>
      </Details>
    </div>
  );
}
