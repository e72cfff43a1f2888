import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';

interface ItemActionsProps {
  /** The item's place among its siblings, to disable moves past the ends. */
  position: { index: number; count: number };
  itemName: string;
  onMove: (delta: -1 | 1) => void;
  /** Opens the "Move to…" picker; absent for items that cannot change parent (areas). */
  onMoveTo?: () => void;
  onRemove: () => void;
}

/** Keyboard-friendly move up / move down / move to… / remove for the selected area, performance or question. */
export function ItemActions({ position, itemName, onMove, onMoveTo, onRemove }: ItemActionsProps) {
  const { t } = useI18n();
  return (
    <fieldset className="item-actions" aria-label={t('editor.itemActions', { item: itemName })}>
      <Button
        size="sm"
        variant="ghost"
        aria-label={t('editor.moveUpItem', { item: itemName })}
        disabled={position.index <= 0}
        onClick={() => onMove(-1)}
      >
        ↑ {t('editor.moveUp')}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label={t('editor.moveDownItem', { item: itemName })}
        disabled={position.index < 0 || position.index >= position.count - 1}
        onClick={() => onMove(1)}
      >
        ↓ {t('editor.moveDown')}
      </Button>
      {onMoveTo && (
        <Button
          size="sm"
          variant="ghost"
          aria-label={t('editor.moveToItem', { item: itemName })}
          aria-haspopup="dialog"
          onClick={onMoveTo}
        >
          ⇄ {t('editor.moveTo')}
        </Button>
      )}
      <Button
        size="sm"
        variant="danger"
        aria-label={t('editor.removeItem', { item: itemName })}
        onClick={onRemove}
      >
        {t('editor.remove')}
      </Button>
    </fieldset>
  );
}
