import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response (helmet). The admin app keeps its session token in localStorage, so
 * what matters most is that no foreign script runs on our origin and no other site frames it:
 * - CSP: scripts only from this origin, none inline (the admin app and GraphiQL load theirs as files);
 *   styles may be inline (React and GraphiQL set style attributes); no plugins, no <base>, forms post here;
 *   `frame-ancestors 'none'` (and X-Frame-Options DENY for old browsers).
 * - X-Content-Type-Options: nosniff; Referrer-Policy: no-referrer (URLs may hold edition/company keys).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
