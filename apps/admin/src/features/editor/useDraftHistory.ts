import type { Edition } from '@ksp/domain';
import { useCallback, useMemo, useReducer } from 'react';

/** How many earlier drafts undo can go back to; older ones are dropped. */
export const HISTORY_LIMIT = 100;
/** Edits of one field this close together are one undo step (typing a word is not one step per letter). */
export const COALESCE_MS = 1000;

/** The drafts before and after the one shown. Editions are immutable, so a snapshot is just a reference. */
export interface DraftHistoryState {
  past: Edition[];
  present: Edition;
  future: Edition[];
  /** The field the last edit came from and when, while later edits of it may still join that step. */
  open: { field: unknown; at: number } | null;
}

export type DraftHistoryAction =
  | { type: 'edit'; next: Edition; field?: unknown; at: number }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'close' };

export function draftHistoryReducer(state: DraftHistoryState, action: DraftHistoryAction): DraftHistoryState {
  switch (action.type) {
    case 'edit': {
      if (action.next === state.present) return state;
      const { open } = state;
      const joins =
        action.field !== undefined &&
        open !== null &&
        open.field === action.field &&
        action.at - open.at <= COALESCE_MS;
      const opened = action.field === undefined ? null : { field: action.field, at: action.at };
      // Joining keeps the step's starting point in `past`: one undo goes back to before the typing.
      if (joins) return { ...state, present: action.next, future: [], open: opened };
      return {
        past: [...state.past, state.present].slice(-HISTORY_LIMIT),
        present: action.next,
        future: [],
        open: opened,
      };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return {
        past: state.past.slice(0, -1),
        present: previous,
        future: [state.present, ...state.future],
        open: null,
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { past: [...state.past, state.present], present: next, future: rest, open: null };
    }
    case 'close':
      return state.open ? { ...state, open: null } : state;
  }
}

export interface DraftHistory {
  draft: Edition;
  /** Makes `next` the draft. Edits naming the same `field` within COALESCE_MS are one undo step. */
  edit: (next: Edition, field?: unknown) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Ends the current typing step (e.g. when the field loses focus). */
  closeStep: () => void;
}

/** Undo and redo of a draft's unsaved edits, as snapshots of the immutable Edition. */
export function useDraftHistory(initial: Edition): DraftHistory {
  const [state, dispatch] = useReducer(draftHistoryReducer, initial, (present) => ({
    past: [],
    present,
    future: [],
    open: null,
  }));
  const edit = useCallback(
    (next: Edition, field?: unknown) => dispatch({ type: 'edit', next, field, at: Date.now() }),
    [],
  );
  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  const closeStep = useCallback(() => dispatch({ type: 'close' }), []);
  return useMemo(
    () => ({
      draft: state.present,
      edit,
      undo,
      redo,
      canUndo: state.past.length > 0,
      canRedo: state.future.length > 0,
      closeStep,
    }),
    [state, edit, undo, redo, closeStep],
  );
}
