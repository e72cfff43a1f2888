import { NotFoundError as DbNotFoundError } from '@ksp/db';
import {
  EXPORT_FORMATS,
  type ExportFile,
  type ExportFormat,
  exportEditionDocument,
  loadParticipantReportSource,
  loadResultsSource,
  participantReportFile,
  RESULT_VIEWS,
  type ResultView,
  resultsExportFile,
} from '@ksp/exchange';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../auth/token';
import { scopesFor } from '../auth/viewer';
import type { Services } from '../services';
import { EXPORTS_PREFIX, type ExportLocale } from './exports-paths';

/** A refusal with its HTTP status, sent as JSON in the GraphQL error shape (`errors[].extensions.code`). */
class ExportRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (message: string) => new ExportRequestError(400, 'BAD_USER_INPUT', message);
const notFound = (message: string) => new ExportRequestError(404, 'NOT_FOUND', message);

type ExportRoute =
  | { kind: 'results'; editionKey: string; format: ExportFormat }
  | { kind: 'company'; editionKey: string; companyKey: string }
  | { kind: 'edition'; editionKey: string };

/** Decodes one path segment; a malformed `%` escape is the client's mistake (400), not a server error. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('The path has a malformed % escape.');
  }
}

/** `/exports/results/KSP24.xlsx`, `/exports/company/KSP24/acme.xlsx`, `/exports/edition/KSP24.json`. */
function parseRoute(path: string): ExportRoute | null {
  const segments = path.slice(EXPORTS_PREFIX.length).split('/').map(decodeSegment);
  const [kind, ...rest] = segments;
  const split = (name: string | undefined) => {
    const dot = name?.lastIndexOf('.') ?? -1;
    return name && dot > 0 ? { stem: name.slice(0, dot), extension: name.slice(dot + 1) } : null;
  };
  if (kind === 'results' && rest.length === 1) {
    const file = split(rest[0]);
    if (file && (EXPORT_FORMATS as readonly string[]).includes(file.extension))
      return { kind, editionKey: file.stem, format: file.extension as ExportFormat };
  }
  if (kind === 'company' && rest.length === 2) {
    const file = split(rest[1]);
    if (file?.extension === 'xlsx' && rest[0]) return { kind, editionKey: rest[0], companyKey: file.stem };
  }
  if (kind === 'edition' && rest.length === 1) {
    const file = split(rest[0]);
    if (file?.extension === 'json') return { kind, editionKey: file.stem };
  }
  return null;
}

function localeParam(url: URL): ExportLocale {
  const locale = url.searchParams.get('locale') ?? 'nb';
  if (locale !== 'nb' && locale !== 'en') throw badRequest(`locale must be nb or en, not "${locale}".`);
  return locale;
}

function viewParam(url: URL): ResultView | undefined {
  const view = url.searchParams.get('view');
  if (view === null) return undefined;
  if (!(RESULT_VIEWS as readonly string[]).includes(view))
    throw badRequest(`view must be one of ${RESULT_VIEWS.join(', ')}, not "${view}".`);
  return view as ResultView;
}

async function buildFile(route: ExportRoute, url: URL, services: Services): Promise<ExportFile> {
  const readResults = (key: string) => services.results.get(key);
  if (route.kind === 'results') {
    const source = await loadResultsSource(services.db, route.editionKey, readResults);
    return resultsExportFile(source, {
      format: route.format,
      locale: localeParam(url),
      view: viewParam(url),
    });
  }
  if (route.kind === 'company') {
    const source = await loadParticipantReportSource(
      services.db,
      route.editionKey,
      route.companyKey,
      readResults,
    );
    if (!source) throw notFound(`Company "${route.companyKey}" has no result in ${route.editionKey}.`);
    return participantReportFile(source, localeParam(url));
  }
  const withEvaluations = ['true', '1'].includes(url.searchParams.get('evaluations') ?? '');
  const document = await exportEditionDocument(services.db, route.editionKey, { withEvaluations });
  return {
    fileName: `${route.editionKey}${withEvaluations ? '-with-evaluations' : ''}.ksp-edition.json`,
    contentType: 'application/json; charset=utf-8',
    body: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'),
  };
}

/**
 * The download routes for export files. Same credentials as /graphql (`Authorization: Bearer` with a session
 * or API token); analysts and admins only. Refusals are JSON: 401 without valid credentials, 403 for
 * observers, 404 for an unknown edition or company, 400 for bad parameters.
 */
export async function handleExportRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
): Promise<FastifyReply> {
  const url = new URL(request.url, 'http://localhost');
  try {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      reply.header('allow', 'GET, HEAD');
      throw new ExportRequestError(405, 'METHOD_NOT_ALLOWED', 'Use GET.');
    }
    const route = parseRoute(url.pathname);
    if (!route) throw notFound(`Nothing at ${url.pathname}.`);
    const token = bearerToken(request.headers.authorization);
    const viewer = token ? await services.authenticate(token) : null;
    if (!viewer)
      throw new ExportRequestError(401, 'UNAUTHENTICATED', 'Sign in: send `Authorization: Bearer <token>`.');
    if (!scopesFor(viewer).analyst)
      throw new ExportRequestError(403, 'FORBIDDEN', 'Only analysts and admins can download exports.');
    const file = await buildFile(route, url, services).catch((error: unknown) => {
      if (error instanceof DbNotFoundError) throw notFound(error.message);
      throw error;
    });
    request.log.info({ userId: viewer.userId, file: file.fileName, bytes: file.body.length }, 'export');
    return reply
      .code(200)
      .header('content-type', file.contentType)
      .header(
        'content-disposition',
        `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      )
      .header('cache-control', 'private, no-store')
      .send(file.body);
  } catch (error) {
    if (!(error instanceof ExportRequestError)) throw error;
    if (error.status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(error.status).send({
      errors: [{ message: error.message, extensions: { code: error.code, requestId: request.id } }],
    });
  }
}
