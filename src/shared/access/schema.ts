import { z } from 'zod';
import { Id, MunicipalityNumber } from '../common.ts';

/**
 * What the logged-in account may do, as the server's access module decides it (GET /api/capabilities). The web shows
 * pages and controls by it and holds no copy of the rules; the server refuses whatever the web would wrongly offer.
 */

export const CapabilitiesQuerySchema = z.object({
  /** A network by id or slug. */
  network: z.string().min(1).max(100).optional(),
  project: Id.optional(),
  municipality: MunicipalityNumber.optional(),
  person: Id.optional(),
});
export type CapabilitiesQuery = z.infer<typeof CapabilitiesQuerySchema>;

/** Wherever the account is. */
export const AccountCapabilitiesSchema = z.object({
  /** The administration pages: users, invitations, the outbox. */
  administration: z.boolean(),
  createNetworks: z.boolean(),
  addProducts: z.boolean(),
  curateCatalog: z.boolean(),
  /** Gives every role for every network and municipality (the platform administrator). */
  grantsEveryRole: z.boolean(),
  /** Otherwise: the networks whose roles it gives, and the municipalities whose editor role it gives. */
  grantsNetworkRolesIn: z.array(Id),
  grantsEditorRolesFor: z.array(MunicipalityNumber),
});
export type AccountCapabilities = z.infer<typeof AccountCapabilitiesSchema>;

export const NetworkCapabilitiesSchema = z.object({
  networkId: Id,
  /** Its internal pages: people, meetings with exempt papers, mapping, surveys, strategy, budget. */
  readInternals: z.boolean(),
  /** The secretariat's work. */
  administer: z.boolean(),
  readPortfolio: z.boolean(),
  propose: z.boolean(),
  writePortfolio: z.boolean(),
  /** Reads the portfolio only as a member of the network's chief executives' council. */
  chiefExecutive: z.boolean(),
  importMapping: z.boolean(),
  importOwnEffort: z.boolean(),
  /** Registers people in the network, for some municipality or none. */
  addPeople: z.boolean(),
  /** The current members whose own entries here it writes: people, own effort, its strategy version. */
  memberDataOf: z.array(MunicipalityNumber),
});
export type NetworkCapabilities = z.infer<typeof NetworkCapabilitiesSchema>;

export const ProjectCapabilitiesSchema = z.object({
  projectId: Id,
  read: z.boolean(),
  write: z.boolean(),
  writeStatusReports: z.boolean(),
  decideAsOwner: z.boolean(),
  /** The municipalities (current members and participants) whose part in the project it answers for. */
  answersFor: z.array(MunicipalityNumber),
});
export type ProjectCapabilities = z.infer<typeof ProjectCapabilitiesSchema>;

export const MunicipalityCapabilitiesSchema = z.object({
  municipalityNumber: MunicipalityNumber,
  /** Its own facts (the written standard). */
  edit: z.boolean(),
  readMapping: z.boolean(),
  writeMapping: z.boolean(),
});
export type MunicipalityCapabilities = z.infer<typeof MunicipalityCapabilitiesSchema>;

export const PersonCapabilitiesSchema = z.object({
  personId: Id,
  edit: z.boolean(),
  /** Moves them to any municipality or none; otherwise only between municipalities it edits. */
  moveAnywhere: z.boolean(),
});
export type PersonCapabilities = z.infer<typeof PersonCapabilitiesSchema>;

export const CapabilitiesSchema = z.object({
  account: AccountCapabilitiesSchema,
  network: NetworkCapabilitiesSchema.nullable(),
  project: ProjectCapabilitiesSchema.nullable(),
  municipality: MunicipalityCapabilitiesSchema.nullable(),
  person: PersonCapabilitiesSchema.nullable(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;
