import type { Database } from '@ksp/db';
import { type Edition, type LocalizedText, type TranslationReport, textSlots } from '@ksp/domain';

type Tx = Parameters<Parameters<Database['prisma']['$transaction']>[0]>[0];

/** One definition row whose texts change, with the new value of each changed text column. */
type RowChange = { data: Record<string, LocalizedText> };

/**
 * Writes the texts the import changed into the draft edition's definition rows, one update per row (a row whose
 * name and description both change is written once), each with a version bump. `translated` is the domain's
 * edition after the import: it holds every changed text in full (all locales).
 */
export async function applyTranslationChanges(
  tx: Tx,
  editionId: number,
  translated: Edition,
  changed: TranslationReport['changed'],
): Promise<number> {
  const wanted = new Set(changed.map((c) => `${c.path}#${c.field}`));
  const rows = new Map<string, RowChange>();
  for (const slot of textSlots(translated)) {
    if (!wanted.has(`${slot.path}#${slot.field}`)) continue;
    const row = rows.get(slot.path) ?? { data: {} };
    row.data[slot.field] = slot.text;
    rows.set(slot.path, row);
  }
  const bump = { version: { increment: 1 } } as const;
  for (const [path, { data }] of rows) {
    const [kind, key, optionKey] = path.split('/') as [string, string, string | undefined];
    const where = { editionId_key: { editionId, key } };
    if (kind === 'channel') await tx.channelRule.update({ where, data: { ...data, ...bump } });
    else if (kind === 'area') await tx.area.update({ where, data: { ...data, ...bump } });
    else if (kind === 'performance') await tx.performance.update({ where, data: { ...data, ...bump } });
    else if (kind === 'question') await tx.question.update({ where, data: { ...data, ...bump } });
    else if (kind === 'option' && optionKey !== undefined) {
      const { count } = await tx.answerOption.updateMany({
        where: { editionId, key: optionKey, question: { key } },
        data: { ...data, ...bump },
      });
      if (count !== 1) throw new Error(`option ${path} not found while applying translations`);
    } else throw new Error(`no table for the text path ${path}`);
  }
  return rows.size;
}
