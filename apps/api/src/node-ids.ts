import { getDatamodel } from '@ksp/db/pothos-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT32 = /^(0|[1-9]\d{0,9})$/;

/** Whether a string is a UUID, the shape of every string id in the database (User, Evaluation, …). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

// Per Prisma model, the kind of its id column: Int (autoincrement) or String, which is always a uuid column here.
const idKind = new Map(
  Object.entries(getDatamodel().datamodel.models).map(([name, model]) => [
    name,
    model.fields.find((field) => field.isId)?.type,
  ]),
);

/**
 * Whether a decoded global id can name a row at all: a model we know, with an id of its column's shape.
 * Anything else cannot exist; it must not reach the database, where a uuid or int column would turn it into
 * a server error.
 */
export function canExist(id: { typename: string; id: string }): boolean {
  const kind = idKind.get(id.typename);
  if (kind === 'Int') return INT32.test(id.id) && Number(id.id) <= 2_147_483_647;
  if (kind === 'String') return isUuid(id.id);
  return false;
}

type GlobalId = { typename: string; id: string };

/** Prisma's "no record found" (P2025): the Prisma plugin loads a single node with findUniqueOrThrow. */
function isRecordMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2025';
}

/** A node that is not there answers null, like one hidden from the viewer; other failures stay failures. */
async function nullIfMissing(node: unknown): Promise<unknown> {
  try {
    return await node;
  } catch (error) {
    if (isRecordMissing(error)) return null;
    throw error;
  }
}

/** `node(id:)`: null for an id that cannot exist or does not, else the relay plugin's own lookup. */
export function resolveNodeOrNull(id: GlobalId, resolveNode: (id: GlobalId) => unknown): unknown {
  return canExist(id) ? nullIfMissing(resolveNode(id)) : null;
}

/**
 * `nodes(ids:)` (at most 100 ids, like every list input: list-bounds.ts refuses more before execution): ids
 * that cannot exist or do not answer null in their places. Each id is loaded on its own (Prisma batches the
 * lookups of one tick into one query) because one missing record fails the plugin's whole batch. The
 * relay plugin's loader reads the ids from `args`, not from its parameter, hence the assignment.
 */
export async function resolveNodesOrNull(
  args: { ids: GlobalId[] },
  resolveNodes: (ids: GlobalId[]) => Promise<unknown[]>,
): Promise<unknown[]> {
  const all = args.ids;
  const nodes = all.map((id) => {
    if (!canExist(id)) return null;
    args.ids = [id];
    return nullIfMissing(resolveNodes([id]).then((loaded) => loaded[0]));
  });
  args.ids = all;
  return Promise.all(nodes);
}
