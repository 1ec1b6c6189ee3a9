import type { Language } from '../../../shared/i18n/languages.ts';
import type { ProposalKind, ProposalStatus } from '../../../shared/portfolio/proposals.ts';

/** The words of the portfolio module's spreadsheets, in the caller's language. */
type Terms = Record<Language, string>;

export const KIND_LABELS: Record<ProposalKind, Terms> = {
  need: { nb: 'Behov', nn: 'Behov', en: 'Need' },
  idea: { nb: 'Idé', nn: 'Idé', en: 'Idea' },
};

export const STATUS_LABELS: Record<ProposalStatus, Terms> = {
  new: { nb: 'Ny', nn: 'Ny', en: 'New' },
  underAssessment: { nb: 'Under vurdering', nn: 'Under vurdering', en: 'Under assessment' },
  prioritized: { nb: 'Prioritert', nn: 'Prioritert', en: 'Prioritized' },
  rejected: { nb: 'Avvist', nn: 'Avvist', en: 'Rejected' },
  becameProject: { nb: 'Ble prosjekt', nn: 'Vart prosjekt', en: 'Became a project' },
};

export const PROPOSAL_HEADINGS = {
  reference: { nb: 'Referanse', nn: 'Referanse', en: 'Reference' },
  title: { nb: 'Tittel', nn: 'Tittel', en: 'Title' },
  kind: { nb: 'Type', nn: 'Type', en: 'Kind' },
  status: { nb: 'Status', nn: 'Status', en: 'Status' },
  focusArea: { nb: 'Innsatsområde', nn: 'Innsatsområde', en: 'Focus area' },
  municipalities: { nb: 'Antall kommuner', nn: 'Tal på kommunar', en: 'Municipalities' },
  total: { nb: 'Totalpoeng', nn: 'Totalpoeng', en: 'Total score' },
  rank: { nb: 'Rangering', nn: 'Rangering', en: 'Rank' },
  submitted: { nb: 'Innsendt', nn: 'Innsendt', en: 'Submitted' },
} satisfies Record<string, Terms>;
