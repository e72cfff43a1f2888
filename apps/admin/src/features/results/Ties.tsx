import { formatList } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge } from '../../ui/Badge';
import './Ties.css';

/**
 * A ranking place; a shared place (tied on every rule, only key order lists one first) reads "1 (delt)" with
 * who shares it as a tooltip. Empty when there is no place (not eligible).
 */
export function PlaceCell({
  position,
  shared,
  tiedWith,
}: {
  position: number | null;
  shared: boolean;
  /** Names of the companies sharing the place. */
  tiedWith: readonly string[];
}) {
  const { t, locale } = useI18n();
  if (position === null) return null;
  if (!shared) return <>{position}</>;
  return (
    <span
      className="shared-place"
      title={t('ties.sharedPlaceTitle', { companies: formatList(tiedWith, locale) })}
    >
      {t('ties.sharedPlace', { position })}
    </span>
  );
}

/** The warning that a first place is shared: only key order would have named a single winner. */
export function SharedWinnerBadge() {
  const { t } = useI18n();
  return (
    <Badge tone="warning" title={t('ties.winnerBadgeTitle')}>
      {t('ties.winnerBadge')}
    </Badge>
  );
}
