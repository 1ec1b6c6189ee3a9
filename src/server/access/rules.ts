/**
 * Every rule of «may this account do this to that», as data: a capability is held by some kinds of account
 * (principals) in relation to a place (a network, a municipality's data, a project), and refused with 404 where the
 * caller may not even see the thing, 403 where they may see it but not change it (decision 0003). Services ask
 * `assertCan`/`can` (decide.ts) by these names; every state-changing route names the capability it needs
 * (`config.access`, shown as `x-access` in the OpenAPI document); the access matrix (test/access-matrix.test.ts)
 * checks each route's observed answers for six accounts against this table. Decision 0013.
 */

/**
 * Who an account is in relation to a place. Those tied to a network hold when they hold in any of the place's
 * networks (a municipality's data is in every network it is a current member of; a person is seen by several).
 */
export const PRINCIPALS = {
  anyone: 'everyone, also without login',
  loggedIn: 'any logged-in account',
  platformAdmin: 'the platform administrator',
  networkAdmin: "the network's secretariat (network administrator)",
  networkMember: 'a member of the network (network member role)',
  memberEditor: 'an editor of a municipality that is a current member of the network',
  chiefExecutive: "the person with the account's e-mail sits today in the network's chief executives' council",
  municipalityChiefExecutive:
    "the person with the account's e-mail sits today in a chief executives' council for the municipality whose page it is",
  municipalityEditor: 'an editor of the municipality whose data it is',
  projectOwner: "the project's owner (the person with the account's e-mail)",
  projectManager: "the project's manager (the person with the account's e-mail)",
  anyNetworkAdmin: 'the secretariat of some network',
  anyMunicipalityEditor: 'an editor of some municipality',
} as const;
export type Principal = keyof typeof PRINCIPALS;

export interface Rule<C extends string = string> {
  /** Who holds the capability; anyone else is refused. */
  readonly who: readonly Principal[];
  /** A capability checked first: without it, its refusal answers (you cannot change what you cannot see). */
  readonly within?: C;
  /** The answer to an account that is logged in but not in `who`: 404 hides the thing, 403 refuses the change. */
  readonly refusal: 'notFound' | 'forbidden';
  readonly description: string;
}

const INTERNAL_READERS = ['platformAdmin', 'networkAdmin', 'networkMember', 'memberEditor'] as const;
const SECRETARIAT = ['platformAdmin', 'networkAdmin'] as const;
/** A municipality's own data: its editors, and the secretariat of a network it is in. */
const MUNICIPALITY_DATA = ['platformAdmin', 'networkAdmin', 'municipalityEditor'] as const;
const PORTFOLIO_READERS = [...INTERNAL_READERS, 'chiefExecutive'] as const;

const rules = {
  // ------------------------------------------------------------ everyone
  public: {
    who: ['anyone'],
    refusal: 'forbidden',
    description: 'Open to everyone: login, logout, language, the public proposal form.',
  },
  personalLink: {
    who: ['anyone'],
    refusal: 'forbidden',
    description: "A personal link (absence, written procedure, signature, survey answer, invitation): the link's token is the authority.",
  },
  account: {
    who: ['loggedIn'],
    refusal: 'forbidden',
    description: 'Your own account: password and preferences; reading the shared catalog.',
  },

  // ------------------------------------------------------------ network
  'network.create': { who: ['platformAdmin'], refusal: 'forbidden', description: 'Create a network.' },
  'network.readInternals': {
    who: INTERNAL_READERS,
    refusal: 'notFound',
    description:
      "Read the network's internal pages: people, meetings with exempt papers, mapping, surveys, strategy, fees, budget, grants, own effort.",
  },
  'network.administer': {
    who: SECRETARIAT,
    within: 'network.readInternals',
    refusal: 'forbidden',
    description:
      "The secretariat's work: the network, members, bodies, meetings and cases, surveys, strategy, fees, budget, grants, the audit log.",
  },
  'municipality.readPanel': {
    who: ['platformAdmin', 'networkAdmin', 'networkMember', 'municipalityEditor', 'municipalityChiefExecutive'],
    refusal: 'notFound',
    description:
      "Read a municipality's own page beyond its public facts (what it pays, its projects, benefits, strategy, cases naming it): its contacts and chief executive without a network role, and the secretariat and members of a network it is a current member of; another municipality's contacts are refused.",
  },
  'municipality.edit': {
    who: ['platformAdmin', 'municipalityEditor'],
    refusal: 'forbidden',
    description: "Change the municipality's own facts (its written standard).",
  },
  'person.read': {
    who: [...INTERNAL_READERS, 'municipalityEditor'],
    refusal: 'notFound',
    description:
      'Read a person: in a network that sees them (people of its current members, people it registered, members of its bodies), or as an editor of their municipality.',
  },
  'person.edit': {
    who: MUNICIPALITY_DATA,
    within: 'person.read',
    refusal: 'forbidden',
    description: 'Change a person: an editor of their municipality, or the secretariat of a network that sees them.',
  },
  'person.moveAnywhere': {
    who: SECRETARIAT,
    within: 'person.edit',
    refusal: 'forbidden',
    description: 'Move a person to any municipality, or to none; an editor moves them only between municipalities they edit.',
  },
  'memberData.write': {
    who: MUNICIPALITY_DATA,
    within: 'network.readInternals',
    refusal: 'forbidden',
    description:
      "A member municipality's own entries in the network: the people it registers, its own version of the strategy, its own-effort hours.",
  },

  // ------------------------------------------------------------ mapping
  'mapping.read': {
    who: [...INTERNAL_READERS, 'municipalityEditor'],
    refusal: 'notFound',
    description: "Read a municipality's mapping: its editors, and the internal readers of a network it is a current member of.",
  },
  'mapping.write': {
    who: MUNICIPALITY_DATA,
    within: 'mapping.read',
    refusal: 'forbidden',
    description: "Change a municipality's applications and adoption: its editors, the secretariat of a network it is in.",
  },
  'mapping.importForNetwork': {
    who: [...SECRETARIAT, 'memberEditor'],
    within: 'network.readInternals',
    refusal: 'forbidden',
    description: "Import the network's mapping workbook: rows of the members whose mapping the caller may change.",
  },
  'catalog.addProduct': {
    who: ['platformAdmin', 'anyNetworkAdmin', 'anyMunicipalityEditor'],
    refusal: 'forbidden',
    description: 'Add a product to the shared catalog: anyone who enters mapping data.',
  },
  'catalog.curate': {
    who: ['platformAdmin', 'anyNetworkAdmin'],
    refusal: 'forbidden',
    description: 'Rename and merge products of the shared catalog.',
  },

  // ------------------------------------------------------------ portfolio
  'portfolio.read': {
    who: PORTFOLIO_READERS,
    refusal: 'notFound',
    description: "Read the network's proposals, projects, benefits and finance statements: its internal readers and its chief executives.",
  },
  'portfolio.propose': {
    who: INTERNAL_READERS,
    within: 'portfolio.read',
    refusal: 'forbidden',
    description: "Propose a need or an idea: the network's internal readers (the chief executives read only).",
  },
  'portfolio.write': {
    who: SECRETARIAT,
    within: 'portfolio.read',
    refusal: 'forbidden',
    description:
      "Triage and assess proposals, set the weights, make and change projects, their plans, documents, benefits, financing and meeting decisions; see the submitters' e-mail.",
  },
  'project.read': {
    who: [...PORTFOLIO_READERS, 'projectOwner', 'projectManager'],
    refusal: 'notFound',
    description: "Read a project: the portfolio's readers, and its owner and manager without a role in the network.",
  },
  'project.answerForMunicipality': {
    who: MUNICIPALITY_DATA,
    within: 'portfolio.read',
    refusal: 'forbidden',
    description: "A municipality's part in a project: its participation, its benefit targets and measurements.",
  },
  'project.writeStatusReports': {
    who: [...SECRETARIAT, 'projectOwner', 'projectManager'],
    within: 'project.read',
    refusal: 'forbidden',
    description: "Write and publish the project's status reports.",
  },
  'project.decideAsOwner': {
    who: ['projectOwner'],
    within: 'project.read',
    refusal: 'forbidden',
    description: 'Sign an owner decision where the project model lets the owner decide.',
  },

  // ------------------------------------------------------------ finance
  'ownEffort.import': {
    who: [...SECRETARIAT, 'memberEditor'],
    within: 'network.readInternals',
    refusal: 'forbidden',
    description: 'Import own-effort hours: rows of the municipalities whose hours the caller may write.',
  },

  // ------------------------------------------------------------ administration
  'admin.use': {
    who: ['platformAdmin', 'anyNetworkAdmin'],
    refusal: 'forbidden',
    description: 'The administration pages: users, invitations, the outbox.',
  },
  'user.manage': {
    who: SECRETARIAT,
    within: 'admin.use',
    refusal: 'notFound',
    description: 'An account with a role in one of the networks the caller administers, or in one of their member municipalities.',
  },
  'outbox.resend': {
    who: SECRETARIAT,
    within: 'admin.use',
    refusal: 'notFound',
    description: 'Send an outbox message again with fresh links: one sent in a network the caller administers.',
  },
  'role.grant': {
    who: SECRETARIAT,
    within: 'admin.use',
    refusal: 'forbidden',
    description:
      "Give or take away a role: network roles of the caller's network, editor roles for its member municipalities; the platform administrator any.",
  },
} as const satisfies Record<string, Rule>;

export type Capability = keyof typeof rules;
export const RULES: Readonly<Record<Capability, Rule<Capability>>> = rules;
export const CAPABILITIES = Object.keys(rules) as Capability[];

/** The capability and those it lies within, outermost first: the order in which they are checked. */
export function chainOf(capability: Capability): Capability[] {
  const within = RULES[capability].within;
  return within ? [...chainOf(within), capability] : [capability];
}
