/**
 * Every «may this account do this to that», in one place: the rules as data (rules.ts), who an account is in
 * relation to a place (principals.ts), the decision (decide.ts), the places of each domain's records (network.ts,
 * people.ts, portfolio.ts, admin.ts) and the capabilities the web asks for (capabilities.ts). Modules find their
 * records and ask here; nothing else decides. Decision 0013.
 */
export { RULES, PRINCIPALS, CAPABILITIES, chainOf, type Capability, type Principal, type Rule } from './rules.ts';
export { can, assertCan, requireUser } from './decide.ts';
export {
  NOWHERE,
  editorMunicipalities,
  isChiefExecutiveOf,
  isChiefExecutiveFor,
  chiefExecutiveSeatsPart,
  editedNetworksPart,
  rememberAccountLookups,
  type Place,
  type Seat,
} from './principals.ts';
export {
  inNetwork,
  ofMember,
  ofMunicipality,
  networksOfMunicipality,
  readableNetworkIds,
  rememberNetworksOfMunicipality,
} from './network.ts';
export { ofPerson, networksSeeingPerson, visibleInNetwork } from './people.ts';
export { ofProject, ofParticipant } from './portfolio.ts';
export { ofRole, ofUser, administeredNetworkIds, administeredMunicipalities } from './admin.ts';
export {
  accountCapabilities,
  networkCapabilities,
  projectCapabilities,
  municipalityCapabilities,
  personCapabilities,
} from './capabilities.ts';
export { registerAccessDeclarations, accessOf } from './declare.ts';
export { assertBelongs, fieldsOutside, type Kind as BelongingKind, type Ids, type References } from './belongs.ts';
