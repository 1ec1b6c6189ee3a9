import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AuthConfig, CurrentUser } from '../../shared/auth/schema.ts';
import type { Language } from '../../shared/i18n/languages.ts';
import { api, setCsrfToken } from './api.ts';
import { useI18n } from './i18n/index.tsx';

export type User = NonNullable<CurrentUser['user']>;

interface Session {
  /** False until /api/auth/me has answered. */
  ready: boolean;
  user: User | null;
  config: AuthConfig | null;
  /** Stores the answer of login or invitation acceptance. */
  signedIn: (me: CurrentUser) => void;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  /** Switches the UI language at once and saves it (on the account, or in a cookie when logged out). */
  changeLanguage: (lang: Language) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLanguage } = useI18n();
  const [ready, setReady] = useState(false);
  const [user, setUser] = useState<User | null>(null);
  const [config, setConfig] = useState<AuthConfig | null>(null);

  const apply = useCallback(
    (me: CurrentUser) => {
      setCsrfToken(me.csrfToken);
      setUser(me.user);
      if (me.user) setLanguage(me.user.language);
    },
    [setLanguage],
  );

  const refresh = useCallback(async () => {
    try {
      apply(await api<CurrentUser>('/auth/me'));
    } finally {
      setReady(true);
    }
  }, [apply]);

  useEffect(() => {
    void refresh().catch(() => undefined);
    api<AuthConfig>('/auth/config').then(setConfig, () => undefined);
  }, [refresh]);

  const logout = useCallback(async () => {
    await api('/auth/logout', { method: 'POST' });
    setCsrfToken(null);
    setUser(null);
  }, []);

  const changeLanguage = useCallback(
    async (lang: Language) => {
      setLanguage(lang);
      setUser((u) => (u ? { ...u, language: lang } : u));
      await api('/auth/preferences', { method: 'PUT', body: { language: lang } });
    },
    [setLanguage],
  );

  const value = useMemo<Session>(
    () => ({ ready, user, config, signedIn: apply, logout, refresh, changeLanguage }),
    [ready, user, config, apply, logout, refresh, changeLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
