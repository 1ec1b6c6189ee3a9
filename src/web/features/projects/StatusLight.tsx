import { Tag } from '@digdir/designsystemet-react';
import type { ReportPeriodKind, StatusLight } from '../../../shared/portfolio/status-reports.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useProjectMessages } from './messages.ts';

const LIGHT_COLORS: Record<StatusLight, 'success' | 'warning' | 'danger'> = { green: 'success', yellow: 'warning', red: 'danger' };
const LOCALES = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' } as const;

/** A light as a tag in its colour with its name in words, so the colour is never the only sign. */
export function StatusLightTag({ light, meaning }: { light: StatusLight; meaning?: boolean }) {
  const pm = useProjectMessages();
  return (
    <Tag data-size="sm" data-color={LIGHT_COLORS[light]}>
      {pm.lights[light]}
      {meaning ? ` – ${pm.lightMeanings[light]}` : ''}
    </Tag>
  );
}

/** A report's period in words: «oktober 2026», «2. tertial 2026». */
export function usePeriodName(): (kind: ReportPeriodKind, year: number, period: number) => string {
  const { lang } = useI18n();
  const pm = useProjectMessages();
  return (kind, year, period) =>
    kind === 'month'
      ? new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(Date.UTC(year, period - 1, 1)),
        )
      : fmt(pm.statusReports.tertial, { period, year });
}
