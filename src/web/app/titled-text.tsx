import { Heading, Paragraph } from '@digdir/designsystemet-react';

/** A text under its own small heading (a description, a summary, conditions); nothing where there is no text. */
export function TitledText({ title, text, className }: { title: string; text: string | null | undefined; className?: string }) {
  if (!text) return null;
  return (
    <>
      <Heading level={3} data-size="xs">
        {title}
      </Heading>
      <Paragraph className={className}>{text}</Paragraph>
    </>
  );
}
