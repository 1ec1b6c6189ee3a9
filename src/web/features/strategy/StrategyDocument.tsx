import type { ReactNode } from 'react';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import {
  BENEFIT_AREAS,
  STRATEGY_SECTIONS,
  type LocalDecisionStatus,
  type MeasureStatus,
  type ReportStatus,
  type StrategyContent,
  type StrategySection,
  type VersionStatus,
} from '../../../shared/strategy/schema.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { useStrategyMessages } from './messages.ts';
import './strategy.css';

type Level = 2 | 3;
type Color = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

/** Plain text with blank lines between paragraphs, as the version's texts are written. */
export function Paragraphs({ text }: { text: string | null | undefined }) {
  const sm = useStrategyMessages();
  if (!text?.trim()) return <Paragraph className="dr-muted">{sm.common.empty}</Paragraph>;
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <Paragraph key={i} className="dr-strategy-text">
            {p}
          </Paragraph>
        ))}
    </>
  );
}

/** The shared text of one section of a version. */
export function SectionBody({ content, section, level }: { content: StrategyContent; section: StrategySection; level: Level }) {
  const sm = useStrategyMessages();
  const sub = (level + 1) as 3 | 4;
  switch (section) {
    case 'vision':
    case 'mainGoal':
    case 'statement':
      return <Paragraphs text={content[section]} />;
    case 'principles':
      return content.principles.length === 0 ? (
        <Paragraph className="dr-muted">{sm.document.noItems}</Paragraph>
      ) : (
        <ol className="dr-strategy-principles">
          {content.principles.map((p) => (
            <li key={p.key}>
              <strong>{p.title}</strong>
              {p.text && <Paragraphs text={p.text} />}
            </li>
          ))}
        </ol>
      );
    case 'focusAreas':
      return content.focusAreas.length === 0 ? (
        <Paragraph className="dr-muted">{sm.document.noItems}</Paragraph>
      ) : (
        <ol className="dr-strategy-focus-areas">
          {content.focusAreas.map((f) => (
            <li key={f.key}>
              <Heading level={sub} data-size="xs">
                {f.title}
              </Heading>
              {f.text && <Paragraphs text={f.text} />}
            </li>
          ))}
        </ol>
      );
    case 'benefitAreas':
      return (
        <div className="dr-strategy-benefits">
          {BENEFIT_AREAS.map((area) => (
            <div key={area}>
              <Heading level={sub} data-size="xs">
                {sm.benefitAreas[area]}
              </Heading>
              {content.benefitAreas[area].length === 0 ? (
                <Paragraph className="dr-muted">{sm.document.noItems}</Paragraph>
              ) : (
                <ul>
                  {content.benefitAreas[area].map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      );
  }
}

/**
 * A version rendered as a readable document, one section after another. `extra` adds something under a
 * section's shared text, such as a municipality's local adaptation or the field to write it in.
 */
export function StrategyDocument({
  content,
  level = 2,
  id,
  extra,
}: {
  content: StrategyContent;
  level?: Level;
  /** Prefix for the section headings' ids, unique on the page. */
  id: string;
  extra?: (section: StrategySection) => ReactNode;
}) {
  const sm = useStrategyMessages();
  return (
    <div className="dr-strategy-document">
      {STRATEGY_SECTIONS.map((section) => (
        <section key={section} className="dr-strategy-section" aria-labelledby={`${id}-${section}`}>
          <Heading level={level} data-size="sm" id={`${id}-${section}`}>
            {sm.sections[section]}
          </Heading>
          <div className={extra ? 'dr-strategy-pair' : undefined}>
            <div className="dr-strategy-shared">
              <SectionBody content={content} section={section} level={level} />
            </div>
            {extra?.(section)}
          </div>
        </section>
      ))}
    </div>
  );
}

const VERSION_COLORS: Record<VersionStatus, Color> = { draft: 'warning', published: 'success' };
const DECISION_COLORS: Record<LocalDecisionStatus, Color> = {
  notStarted: 'neutral',
  underConsideration: 'info',
  adopted: 'success',
  rejected: 'danger',
};
const MEASURE_COLORS: Record<MeasureStatus, Color> = {
  planned: 'neutral',
  ongoing: 'info',
  done: 'success',
  postponed: 'warning',
  cancelled: 'neutral',
};
const REPORT_COLORS: Record<ReportStatus, Color> = { green: 'success', yellow: 'warning', red: 'danger' };

export function VersionStatusTag({ status }: { status: VersionStatus }) {
  const sm = useStrategyMessages();
  return (
    <Tag data-color={VERSION_COLORS[status]} data-size="sm">
      {sm.versionStatuses[status]}
    </Tag>
  );
}

export function DecisionTag({ status }: { status: LocalDecisionStatus }) {
  const sm = useStrategyMessages();
  return (
    <Tag data-color={DECISION_COLORS[status]} data-size="sm">
      {sm.decisionStatuses[status]}
    </Tag>
  );
}

export function MeasureStatusTag({ status }: { status: MeasureStatus }) {
  const sm = useStrategyMessages();
  return (
    <Tag data-color={MEASURE_COLORS[status]} data-size="sm">
      {sm.measureStatuses[status]}
    </Tag>
  );
}

/** A tertial report's judgement: the colour and its words, never the colour alone. */
export function ReportTag({ status }: { status: ReportStatus }) {
  const sm = useStrategyMessages();
  return (
    <Tag data-color={REPORT_COLORS[status]} data-size="sm">
      {sm.reportStatuses[status]}
    </Tag>
  );
}

/** «2022–2025». */
export function usePeriod(): (start: number, end: number) => string {
  const sm = useStrategyMessages();
  return (start, end) => fmt(sm.common.periodValue, { start, end });
}
