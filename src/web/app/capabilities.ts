import { createContext, useContext, useEffect, useState } from 'react';
import type {
  AccountCapabilities,
  Capabilities,
  CapabilitiesQuery,
  MunicipalityCapabilities,
  NetworkCapabilities,
  PersonCapabilities,
  ProjectCapabilities,
} from '../../shared/access/schema.ts';
import { api, query } from './api.ts';
import { useSession } from './session.tsx';

/**
 * What the logged-in account may do, as the server's access module answers it (GET /api/capabilities). Pages show
 * their controls by it and hold no rules of their own. Until the answer is in, and without login, nothing is offered.
 */

/** Several parts of a page ask the same question at once: one request, and its answer kept a few seconds. */
const KEEP_MS = 5_000;
const asked = new Map<string, { at: number; answer: Promise<Capabilities>; value?: Capabilities }>();

function ask(key: string, path: string) {
  const now = Date.now();
  const kept = asked.get(key);
  if (kept && now - kept.at < KEEP_MS) return kept;
  const entry: { at: number; answer: Promise<Capabilities>; value?: Capabilities } = { at: now, answer: api<Capabilities>(path) };
  entry.answer.then(
    (value) => (entry.value = value),
    () => asked.delete(key),
  );
  asked.set(key, entry);
  return entry;
}

/** The capabilities of the account here and in the places named (network by id or slug, project, municipality, person). */
export function useCapabilities(scope: CapabilitiesQuery | null = {}): Capabilities | null {
  const { user } = useSession();
  const path = `/capabilities${query({ ...scope })}`;
  const key = user && scope ? `${user.id} ${path}` : null;
  const [state, setState] = useState<{ key: string; value: Capabilities } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    ask(key, path).answer.then(
      (value) => {
        if (live) setState({ key, value });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key, path]);
  if (key === null) return null;
  if (state?.key === key) return state.value;
  return asked.get(key)?.value ?? null;
}

const NO_ACCOUNT: AccountCapabilities = {
  administration: false,
  createNetworks: false,
  addProducts: false,
  curateCatalog: false,
  grantsEveryRole: false,
  grantsNetworkRolesIn: [],
  grantsEditorRolesFor: [],
};

export function useAccountCapabilities(): AccountCapabilities {
  return useCapabilities()?.account ?? NO_ACCOUNT;
}

const noNetwork = (networkId: string): NetworkCapabilities => ({
  networkId,
  readInternals: false,
  administer: false,
  readPortfolio: false,
  propose: false,
  writePortfolio: false,
  chiefExecutive: false,
  importMapping: false,
  importOwnEffort: false,
  addPeople: false,
  memberDataOf: [],
});

/**
 * The network frame's answer for its network (id and slug), so the pages inside it ask nothing again; null outside a
 * frame or while the frame waits.
 */
export const FrameCapabilitiesContext = createContext<{ id: string; slug: string; capabilities: NetworkCapabilities | null } | null>(null);

export function useNetworkCapabilities(networkId: string): NetworkCapabilities {
  const framed = useContext(FrameCapabilitiesContext);
  const inFrame = framed !== null && (framed.id === networkId || framed.slug === networkId);
  const own = useCapabilities(inFrame ? null : { network: networkId })?.network;
  return (inFrame ? framed.capabilities : own) ?? noNetwork(networkId);
}

const noProject = (projectId: string): ProjectCapabilities => ({
  projectId,
  read: false,
  write: false,
  writeStatusReports: false,
  decideAsOwner: false,
  answersFor: [],
});

export function useProjectCapabilities(projectId: string): ProjectCapabilities {
  return useCapabilities({ project: projectId })?.project ?? noProject(projectId);
}

export function useMunicipalityCapabilities(number: string): MunicipalityCapabilities {
  return (
    useCapabilities({ municipality: number })?.municipality ?? {
      municipalityNumber: number,
      edit: false,
      readMapping: false,
      writeMapping: false,
    }
  );
}

export function usePersonCapabilities(personId: string): PersonCapabilities {
  return useCapabilities({ person: personId })?.person ?? { personId, edit: false, moveAnywhere: false };
}
