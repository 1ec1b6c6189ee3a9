import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The security headers on every answer of the app: the API, the built client's files, errors and 404s. What the
 * web client needs was found by running every journey in Chromium with a test failing on any CSP violation
 * (e2e/fixtures.ts): its scripts, styles and fonts come from the app itself, Designsystemet's CSS draws its icons
 * with `data:` SVG images, and React sets style attributes through the CSSOM, which the CSP does not govern. The
 * single sign-on button is a link, so the provider's form is the provider's page, under the provider's policy.
 */
const policy = (styleSrc: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${styleSrc}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');

export const CONTENT_SECURITY_POLICY = policy("'self'");

/**
 * The API documentation (swagger-ui at /api/docs) needs one thing more: its bundle renders a <style> element of its
 * own, allowed by that element's hash rather than by 'unsafe-inline'. Found in Chromium with every operation
 * opened and tried (e2e/api-docs.spec.ts); a newer swagger-ui with other styles fails that journey until it is updated.
 */
export const DOCS_SWAGGER_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";
export const DOCS_CONTENT_SECURITY_POLICY = policy(`'self' ${DOCS_SWAGGER_STYLE_HASH}`);

/**
 * The browser features the app does not use, denied to it and to anything it might be made to show. Only features
 * Chromium knows are named: an unknown one is a warning in every page's console.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * The pages a personal link opens (e-mailed absence, written procedure, signature, survey, invitation and password reset links):
 * their address holds the token, so they send no Referer at all, not even to the app's own API or to a link
 * followed from them. A client-side navigation keeps the policy of the page first loaded.
 */
export const PERSONAL_LINK_PAGES = ['/forfall/', '/skriftlig/', '/signer/', '/svar/', '/invitasjon/', '/nytt-passord/'];

/** The path as the router reads it: decoded, and in lower case (the client's router ignores case). */
function pathOf(request: FastifyRequest): string {
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

export const referrerPolicyFor = (path: string) =>
  PERSONAL_LINK_PAGES.some((prefix) => path.startsWith(prefix)) ? 'no-referrer' : 'strict-origin-when-cross-origin';

/**
 * What sets the headers on an answer. HSTS is sent when the app is served over TLS: its public address is https, or
 * the request came as https (directly, or said so by a trusted proxy's X-Forwarded-Proto; see trust-proxy.ts).
 * A header a route set itself is kept.
 */
export function securityHeaders(options: { publicUrl: string }) {
  const publicTls = options.publicUrl.startsWith('https:');
  return (request: FastifyRequest, reply: FastifyReply): void => {
    const path = pathOf(request);
    const headers: Record<string, string> = {
      'content-security-policy': path.startsWith('/api/docs') ? DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': referrerPolicyFor(path),
      'permissions-policy': PERMISSIONS_POLICY,
      'cross-origin-opener-policy': 'same-origin',
    };
    if (publicTls || request.protocol === 'https') headers['strict-transport-security'] = HSTS;
    for (const [name, value] of Object.entries(headers)) if (!reply.hasHeader(name)) reply.header(name, value);
  };
}

/**
 * Sets the headers on every answer that passes through a route's or the not-found handler's reply. Fastify's
 * frameworkErrors (a path that cannot be decoded) bypass the hooks: app.ts sets them there with securityHeaders too.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { publicUrl: string }): void {
  const setHeaders = securityHeaders(options);
  app.addHook('onSend', async (request, reply, payload) => {
    setHeaders(request, reply);
    return payload;
  });
}
