import DataLoader from 'dataloader';
import type { Context } from '../context';

/**
 * Answers are columns of their evaluation, not rows with relations, so their questions, options and areas are
 * loaded here: per request, one findMany per kind however many answers a page lists (no N+1).
 */
function createLoaders(context: Context) {
  const { prisma } = context.services.db;
  const byId = <T extends { id: number }>(ids: readonly number[], rows: T[]) => {
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? new Error(`row ${id} not found`));
  };
  return {
    question: new DataLoader(async (ids: readonly number[]) =>
      byId(ids, await prisma.question.findMany({ where: { id: { in: [...ids] } } })),
    ),
    option: new DataLoader(async (ids: readonly number[]) =>
      byId(ids, await prisma.answerOption.findMany({ where: { id: { in: [...ids] } } })),
    ),
    area: new DataLoader(async (ids: readonly number[]) =>
      byId(ids, await prisma.area.findMany({ where: { id: { in: [...ids] } } })),
    ),
  };
}

const perRequest = new WeakMap<Context, ReturnType<typeof createLoaders>>();

/** The request's loaders (made on first use, dropped with the request's context). */
export function answerLoaders(context: Context): ReturnType<typeof createLoaders> {
  let loaders = perRequest.get(context);
  if (!loaders) {
    loaders = createLoaders(context);
    perRequest.set(context, loaders);
  }
  return loaders;
}
