/** Siblings in survey (display) order: by `order`, ties in list position. */
export const byOrder = <T extends { order: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.order - b.order);

/** The items with `order` set to their list position (0, 1, 2, …), so orders stay dense after an edit. */
export const numbered = <T extends { order: number }>(items: readonly T[]): T[] =>
  items.map((item, order) => ({ ...item, order }));
