import type { FastifyReply } from 'fastify';

/** An error in the GraphQL response shape, so every refusal reads alike (docs/reliability.md, status codes). */
export function errorBody(
  message: string,
  code: string,
  requestId: string,
  extra: Record<string, unknown> = {},
) {
  return { errors: [{ message, extensions: { code, ...extra, requestId } }] };
}

export function replyWithError(
  reply: FastifyReply,
  status: number,
  message: string,
  code: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(errorBody(message, code, reply.request.id, extra));
}
