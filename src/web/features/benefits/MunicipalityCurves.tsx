import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { BenefitCurvesAnswer } from '../../../shared/benefits/curves.ts';
import { useApi } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { useSession } from '../../app/session.tsx';
import { AppLink, Section } from '../../app/ui.tsx';
import { useCurveMessages } from './curve-messages.ts';
import { IndicatorCurvesView } from './Curves.tsx';

/**
 * A municipality's own benefit curves on its page (`/kommuner/:number`), per project and benefit: shown to those who
 * may read the page beyond its public facts; for anyone else the server answers 401 or 404 and nothing is shown.
 */
export function MunicipalityBenefitCurves({ number, name }: { number: string; name: string }) {
  const { user } = useSession();
  const cm = useCurveMessages();
  const path = `/municipalities/${encodeURIComponent(number)}/benefit-curves`;
  const loaded = useApi<BenefitCurvesAnswer>(user ? path : null);
  if (!user || loaded.error || !loaded.data) return null;
  const benefits = loaded.data.benefits;
  return (
    <Section id="benefit-curves-heading" title={fmt(cm.municipalityHeading, { name })} className="dr-section dr-stack">
      <Paragraph data-size="sm">{cm.municipalityIntro}</Paragraph>
      {benefits.length === 0 ? (
        <Paragraph>{cm.municipalityNone}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" className="dr-downloads">
            <Link href={`/api${path}?format=xlsx`} download>
              {cm.downloadXlsx}
            </Link>
          </Paragraph>
          {benefits.map((b) => (
            <article key={b.id} className="dr-stack" aria-labelledby={`curves-${b.id}`}>
              <Heading level={3} data-size="sm" id={`curves-${b.id}`}>
                {b.title}
              </Heading>
              <Paragraph data-size="sm">
                <AppLink to={`/n/${b.project.networkSlug}/prosjekter/${b.project.id}#nytte`}>
                  {fmt(cm.projectOf, { reference: b.project.reference, title: b.project.title })}
                </AppLink>
              </Paragraph>
              {b.indicators.map((i) => (
                <IndicatorCurvesView key={i.id} indicator={i} label={(m) => fmt(cm.municipalityOne, { indicator: i.name, name: m })} />
              ))}
            </article>
          ))}
        </>
      )}
    </Section>
  );
}
