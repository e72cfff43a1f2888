import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Button } from './Button';
import './ConfirmDialog.css';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  busy?: boolean;
  /** Keeps the confirm button off (e.g. while the form in the dialog is not valid). */
  confirmDisabled?: boolean;
  /** The safe choice's label; "Cancel" when absent. */
  cancelLabel?: string;
  /** A third choice between the safe one and the confirmation (e.g. Discard). */
  secondaryAction?: { label: string; onClick: () => void };
  /** Where focus starts: the safe choice (default), or the first field of a form in the dialog. */
  initialFocus?: 'cancel' | 'firstField';
  onConfirm: () => void;
  onCancel: () => void;
}

/** What Tab cycles through inside the dialog. */
const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled)';

/**
 * A modal asking the user to confirm an action. Focus moves to Cancel (the safe choice),
 * Tab stays inside, Escape cancels, and focus returns to where it was on close.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  tone = 'primary',
  busy,
  confirmDisabled,
  cancelLabel,
  secondaryAction,
  initialFocus = 'cancel',
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement as HTMLElement | null;
    const field = panel.current?.querySelector<HTMLElement>('input, select, textarea');
    (initialFocus === 'firstField' && field ? field : cancel.current)?.focus();
    return () => previous?.focus();
  }, [open, initialFocus]);

  if (!open) return null;

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
    if (event.key === 'Tab' && panel.current) {
      const focusable = panel.current.querySelectorAll<HTMLElement>(FOCUSABLE);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={panel}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          <Button ref={cancel} onClick={onCancel}>
            {cancelLabel ?? t('common.cancel')}
          </Button>
          {secondaryAction && (
            <Button variant="ghost" onClick={secondaryAction.onClick}>
              {secondaryAction.label}
            </Button>
          )}
          <Button variant={tone} busy={busy} disabled={confirmDisabled} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  );
}
