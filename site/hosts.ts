/**
 * Where New e-LAAS is believed to live (DOMAIN.md, inferred, low confidence).
 * These match patterns are the manifest's host permissions and content-script matches.
 * Admins narrow them by policy; they can never widen them.
 */
export const ELAAS_MATCHES = ['https://*.dla.go.th/*', 'https://*.laas.go.th/*'] as const;

/** Added only to local builds (tests, demo, simulator); never to the store build. */
export const LOCAL_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;
