import type { Language } from '../../shared/i18n/languages.ts';
import { useI18n } from './i18n/index.tsx';

/**
 * A feature's own texts in the three languages and the hook that gives the reader's. The catalog's type makes each
 * language carry every key of the first, so a missing translation fails the type check, not the page.
 */
export function messageCatalog<M>(catalog: Record<Language, M>): () => M {
  return function useMessages() {
    return catalog[useI18n().lang];
  };
}
