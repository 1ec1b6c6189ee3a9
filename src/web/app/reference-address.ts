import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useApi, type Loaded } from './api.ts';

/**
 * A record's page whose address names it by its id or by its reference in the network («P-2026-003»; the
 * prioritization matrix links so, as it sends no ids). Named by reference, the record is read through `byReference`
 * and the id then takes the reference's place in the address, so the page, its tabs and the back button know one
 * address for it.
 */
export function useRecordAtAddress<T extends { id: string }>(
  param: string,
  { isReference, byId, byReference }: { isReference: boolean; byId: string; byReference: string },
): Loaded<T> {
  const loaded = useApi<T>(isReference ? byReference : byId);
  const navigate = useNavigate();
  const { pathname, search, hash } = useLocation();
  const id = isReference ? loaded.data?.id : undefined;
  useEffect(() => {
    if (!id) return;
    const path = pathname
      .split('/')
      .map((part) => (part === param ? id : part))
      .join('/');
    void navigate(`${path}${search}${hash}`, { replace: true });
  }, [id, param, pathname, search, hash, navigate]);
  return loaded;
}
