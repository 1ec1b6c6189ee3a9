/** Same-site paths only, so a crafted link cannot send someone elsewhere after login. */
export function safeReturnTo(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/logg-inn') ? value : '/';
}
