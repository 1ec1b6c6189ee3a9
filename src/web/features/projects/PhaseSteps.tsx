import { useId } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { PHASES, type Phase } from '../../../shared/portfolio/projects.ts';
import { useProjectMessages } from './messages.ts';
import { usePublicPortfolioMessages } from './public-messages.ts';

/**
 * The six phases as a list of steps, the current one marked for assistive technology too: on the project's summary
 * and on its public page.
 */
export function PhaseSteps({ phase }: { phase: Phase }) {
  const pm = useProjectMessages();
  const p = usePublicPortfolioMessages().project;
  const current = PHASES.indexOf(phase);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId}>
        {p.phasesHeading}
      </Heading>
      <ol className="dr-project-steps" aria-label={p.phasesLabel}>
        {PHASES.map((step, i) => (
          <li
            key={step}
            aria-current={i === current ? 'step' : undefined}
            className={i < current ? 'dr-project-step-done' : i === current ? 'dr-project-step-current' : undefined}
          >
            <span className="dr-project-step-number" aria-hidden="true">
              {i + 1}
            </span>
            {pm.phases[step]}
            {i === current && <span className="dr-visually-hidden"> {p.currentPhase}</span>}
            {i < current && <span className="dr-visually-hidden"> {p.passedPhase}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
