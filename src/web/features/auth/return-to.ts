/**
 * Same-site paths only, so a crafted link cannot send someone elsewhere after login. Parsed as the
 * browser would: "/\\evil.example" and "/\t/evil.example" are other sites, not paths.
 */
export function safeReturnTo(value: string | null): string {
  if (!value?.startsWith('/')) return '/';
  const base = 'http://same.invalid';
  const url = new URL(value, base);
  const path = url.pathname + url.search + url.hash;
  return url.origin === base && !path.startsWith('/logg-inn') ? path : '/';
}
