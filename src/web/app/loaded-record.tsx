import type { ReactNode } from 'react';
import type { Loaded } from './api.ts';
import { useI18n } from './i18n/index.tsx';
import { LoadState } from './ui.tsx';

/** What the view of one loaded record is given: the record, `onChange` with the copy a save answered, and `onReload`. */
export interface RecordViewProps<T> {
  record: T;
  onChange: (record: T) => void;
  onReload: () => void;
}

/** The spinner or the failure until the record is there, then `children` with it and the ways to replace or reload it. */
export function LoadedRecord<T>({ loaded, children }: { loaded: Loaded<T>; children: (view: RecordViewProps<T>) => ReactNode }) {
  return <LoadState loaded={loaded}>{(record) => children({ record, onChange: loaded.setData, onReload: loaded.reload })}</LoadState>;
}

/** A record page's title: the record's own once it is there, «not found» after a failure, «loading» meanwhile. */
export function useRecordTitle<T>(loaded: Loaded<T>, titleOf: (record: T) => string): string {
  const { m } = useI18n();
  if (loaded.data !== undefined) return titleOf(loaded.data);
  return loaded.error ? m.notFound.title : m.common.loading;
}
