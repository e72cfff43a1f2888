import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';

interface RowMoveButtonsProps {
  /** The row's name, for the buttons' accessible names. */
  name: string;
  /** The row's place in its list, to disable moves past the ends. */
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /** The remove button's accessible name (default: "Remove “name”"). */
  removeLabel?: string;
  canRemove?: boolean;
}

/** Compact ↑ ↓ ✕ for a row of a list edited in place (a question's options, the channels). */
export function RowMoveButtons({
  name,
  index,
  count,
  onMove,
  onRemove,
  removeLabel,
  canRemove = true,
}: RowMoveButtonsProps) {
  const { t } = useI18n();
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-label={t('editor.moveUpItem', { item: name })}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label={t('editor.moveDownItem', { item: name })}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label={removeLabel ?? t('editor.removeItem', { item: name })}
        disabled={!canRemove}
        onClick={onRemove}
      >
        ✕
      </Button>
    </>
  );
}
