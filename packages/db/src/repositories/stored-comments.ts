import type { EditionLookup } from './edition-lookup';

/** An evaluation's area comments as the Evaluation row stores them (migration packed_answers): area id (as text) → text. */
export type StoredComments = Record<string, string>;

/** Domain comments (area key → text) → the stored object. The areas must be the lookup's edition's (validate first). */
export function storedComments(
  comments: Readonly<Record<string, string>>,
  lookup: Pick<EditionLookup, 'areaId'>,
): StoredComments {
  const stored: StoredComments = {};
  for (const [areaKey, text] of Object.entries(comments)) {
    const areaId = lookup.areaId.get(areaKey);
    if (areaId === undefined)
      throw new Error(`stored comments: area "${areaKey}" is not in the edition (validate first)`);
    stored[String(areaId)] = text;
  }
  return stored;
}

/** The stored object → domain comments (area key → text). */
export function commentsFromStored(
  stored: StoredComments,
  lookup: Pick<EditionLookup, 'areaKey'>,
): Record<string, string> {
  const comments: Record<string, string> = {};
  for (const [areaId, text] of Object.entries(stored))
    comments[lookup.areaKey.get(Number(areaId)) as string] = text;
  return comments;
}

/** One stored comment with its area's database id, as the API lists them. */
export interface StoredCommentRow {
  areaId: number;
  text: string;
}

/** The stored object as one row per comment, in area-id order. */
export function storedCommentRows(stored: StoredComments): StoredCommentRow[] {
  return Object.entries(stored)
    .map(([areaId, text]) => ({ areaId: Number(areaId), text }))
    .sort((a, b) => a.areaId - b.areaId);
}
