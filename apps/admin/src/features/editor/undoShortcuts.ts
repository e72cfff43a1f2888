import { useEffect } from 'react';

/** Whether a key press belongs to a field with its own (text) undo, which the browser should keep. */
export function hasOwnUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** Which history command a key press asks for: Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z and Ctrl/⌘+Y redo. */
export function undoCommandOf(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo draft edits while focus is in the editor (or nowhere), except
 * in text fields: there the browser undoes the typing, which then reaches the draft as an ordinary edit.
 */
export function useUndoShortcuts(
  root: React.RefObject<HTMLElement | null>,
  enabled: boolean,
  commands: { undo: () => void; redo: () => void },
) {
  const { undo, redo } = commands;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const command = undoCommandOf(event);
      if (!command || event.defaultPrevented || hasOwnUndo(event.target)) return;
      const target = event.target as Node | null;
      const inEditor = target === document.body || (target !== null && root.current?.contains(target));
      // A dialog's own keys (and whatever is behind it) are not the editor's.
      if (!inEditor || (target instanceof Element && target.closest('[role="alertdialog"]'))) return;
      event.preventDefault();
      if (command === 'undo') undo();
      else redo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [root, enabled, undo, redo]);
}
