/**
 * The dashboard's routes under `/dashboard`, in their own Fastify scope (form bodies parsed
 * here only; the batch endpoint keeps its raw-bytes parser). Every page needs a session
 * (sign in with a dashboard token); every POST after sign-in carries the session's CSRF
 * token and comes from this origin, or changes nothing (403). Pages allow no script.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SqlClient } from '../db/sql';
import { createDashboardAuth, csrfMatches, SESSION_MS, type DashboardSession } from './auth';
import { fleetPage, signInPage, type Flash } from './fleet-page';
import { fleetView } from './fleet-queries';
import { DASHBOARD_CSP } from './layout';
import { pickLanguage, type DashboardLanguage } from './strings';
import { markWishRead, replyToWish } from './wish-replies';

export interface DashboardOptions {
  readonly db: SqlClient;
  /** Collector clock, epoch ms. */
  readonly now: () => number;
  /** Served over HTTPS: the session cookie is marked `Secure`. */
  readonly https: boolean;
}

const COOKIE = 'fleet_session';
/** A form is a few short fields; anything larger is not ours. */
const FORM_LIMIT_BYTES = 16 * 1024;

type Form = Record<string, string>;

function cookieOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

/** A browser's cross-site request names another origin; a same-origin form names ours or none. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (request.headers['sec-fetch-site'] === 'cross-site') return false;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export async function registerDashboard(app: FastifyInstance, options: DashboardOptions): Promise<void> {
  const auth = createDashboardAuth(options.db, options.now);
  const cookieAttributes = `Path=/dashboard; HttpOnly; SameSite=Strict${options.https ? '; Secure' : ''}`;

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) scope.log.error(error);
      return reply.code(status).type('text/plain; charset=utf-8').send(status === 500 ? 'The dashboard could not answer; try again.' : error.message);
    });
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('content-security-policy', DASHBOARD_CSP);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('x-frame-options', 'DENY');
      // Not no-referrer: with it a browser posts forms with `Origin: null`, which the origin check refuses.
      reply.header('referrer-policy', 'same-origin');
      reply.header('cache-control', 'no-store');
      return payload;
    });

    const language = (request: FastifyRequest): DashboardLanguage =>
      pickLanguage((request.query as Record<string, unknown> | undefined)?.lang, request.headers['accept-language']);
    const to = (reply: FastifyReply, path: string, lang: DashboardLanguage, extra = '') =>
      reply.code(303).header('location', `${path}?lang=${lang}${extra}`).send();

    /** The POST's session when its CSRF token and origin check out; otherwise answered 403 here. */
    const guarded = async (request: FastifyRequest, reply: FastifyReply): Promise<{ session: DashboardSession; form: Form } | undefined> => {
      const session = await auth.session(cookieOf(request));
      const form = (request.body ?? {}) as Form;
      if (!session || !sameOrigin(request) || !csrfMatches(session, form.csrf)) {
        await reply.code(403).type('text/plain; charset=utf-8').send('Refused: sign in again and use the form on the dashboard.');
        return undefined;
      }
      return { session, form };
    };

    scope.get('/dashboard', async (request, reply) => {
      const lang = language(request);
      const session = await auth.session(cookieOf(request));
      if (!session) return to(reply, '/dashboard/sign-in', lang);
      const done = (request.query as Record<string, unknown>).done;
      const flash: Flash = done === 'reply' || done === 'read' || done === 'reply-invalid' ? done : null;
      const view = await fleetView(options.db, options.now());
      return reply.type('text/html; charset=utf-8').send(fleetPage({ language: lang, view, csrf: session.csrf, signedInAs: session.name, flash }));
    });

    scope.get('/dashboard/sign-in', async (request, reply) => reply.type('text/html; charset=utf-8').send(signInPage(language(request), false)));

    scope.post('/dashboard/sign-in', async (request, reply) => {
      const lang = language(request);
      const token = (request.body as Form | undefined)?.token ?? '';
      const signedIn = sameOrigin(request) ? await auth.signIn(token.trim()) : undefined;
      if (!signedIn) return reply.code(401).type('text/html; charset=utf-8').send(signInPage(lang, true));
      reply.header('set-cookie', `${COOKIE}=${signedIn.cookie}; Max-Age=${SESSION_MS / 1000}; ${cookieAttributes}`);
      return to(reply, '/dashboard', lang);
    });

    scope.post('/dashboard/sign-out', async (request, reply) => {
      const ok = await guarded(request, reply);
      if (!ok) return reply;
      await auth.signOut(cookieOf(request)!);
      reply.header('set-cookie', `${COOKIE}=; Max-Age=0; ${cookieAttributes}`);
      return to(reply, '/dashboard/sign-in', language(request));
    });

    scope.post('/dashboard/wishes/reply', async (request, reply) => {
      const ok = await guarded(request, reply);
      if (!ok) return reply;
      const { stationId = '', wishId = '', text = '' } = ok.form;
      const stored = await replyToWish(options.db, { stationId, wishId, text, author: ok.session.name });
      if (stored === 'not-found') return reply.code(404).type('text/plain; charset=utf-8').send('No such wish.');
      if (stored === 'retracted') {
        return reply.code(410).type('text/plain; charset=utf-8').send('This note was withdrawn at its station (a steward hid it); it can no longer be answered. Nothing was stored.');
      }
      if (stored === 'invalid') return to(reply, '/dashboard', language(request), '&done=reply-invalid');
      await markWishRead(options.db, { stationId, wishId, by: ok.session.name });
      return to(reply, '/dashboard', language(request), '&done=reply');
    });

    scope.post('/dashboard/wishes/read', async (request, reply) => {
      const ok = await guarded(request, reply);
      if (!ok) return reply;
      const { stationId = '', wishId = '' } = ok.form;
      if ((await markWishRead(options.db, { stationId, wishId, by: ok.session.name })) === 'not-found') {
        return reply.code(404).type('text/plain; charset=utf-8').send('No such wish.');
      }
      return to(reply, '/dashboard', language(request), '&done=read');
    });
  });
}
