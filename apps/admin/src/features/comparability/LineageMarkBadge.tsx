import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nb';
import { Badge, type BadgeTone } from '../../ui/Badge';

export const LINEAGE_MARKS = [
  'identical',
  'reworded',
  'rescaled',
  'moved',
  'split',
  'merged',
  'new',
  'retired',
] as const;
export type LineageMark = (typeof LINEAGE_MARKS)[number];

/** Marks whose scores compare like-for-like with the predecessor (docs/comparability.md). */
export const COMPARABLE_MARKS: ReadonlySet<string> = new Set(['identical', 'reworded']);

const tones: Record<LineageMark, BadgeTone> = {
  identical: 'neutral',
  reworded: 'info',
  rescaled: 'danger',
  moved: 'warning',
  split: 'danger',
  merged: 'danger',
  new: 'success',
  retired: 'danger',
};

/** A lineage mark as a coloured badge in the UI language; null shows "no lineage". */
export function LineageMarkBadge({ mark }: { mark: string | null | undefined }) {
  const { t } = useI18n();
  if (!mark) return <Badge>{t('lineage.mark.none')}</Badge>;
  const known = (LINEAGE_MARKS as readonly string[]).includes(mark);
  return (
    <Badge tone={known ? tones[mark as LineageMark] : 'neutral'}>
      {known ? t(`lineage.mark.${mark}` as MessageKey) : mark}
    </Badge>
  );
}
