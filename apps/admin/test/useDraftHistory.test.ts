import type { Edition } from '@ksp/domain';
import { ksp24 } from '@ksp/domain/fixtures';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COALESCE_MS, HISTORY_LIMIT, useDraftHistory } from '../src/features/editor/useDraftHistory';

const named = (name: string): Edition => ({ ...ksp24, name });

describe('useDraftHistory', () => {
  afterEach(() => vi.useRealTimers());

  it('undoes and redoes edits, and a new edit drops what could be redone', () => {
    const { result } = renderHook(() => useDraftHistory(ksp24));
    expect(result.current.canUndo).toBe(false);
    const a = named('A');
    const b = named('B');
    act(() => result.current.edit(a));
    act(() => result.current.edit(b));
    act(() => result.current.undo());
    expect(result.current.draft).toBe(a);
    expect(result.current.canRedo).toBe(true);
    act(() => result.current.undo());
    expect(result.current.draft).toBe(ksp24);
    expect(result.current.canUndo).toBe(false);
    act(() => result.current.redo());
    expect(result.current.draft).toBe(a);
    const c = named('C');
    act(() => result.current.edit(c));
    expect(result.current.canRedo).toBe(false);
    act(() => result.current.undo());
    expect(result.current.draft).toBe(a);
  });

  it('makes one step of quick edits of one field, and a new step after a pause, another field or a blur', () => {
    vi.useFakeTimers();
    const field = {};
    const other = {};
    const { result } = renderHook(() => useDraftHistory(ksp24));
    act(() => result.current.edit(named('W'), field));
    act(() => result.current.edit(named('Wa'), field));
    act(() => result.current.edit(named('Wai'), field));
    act(() => result.current.undo());
    expect(result.current.draft).toBe(ksp24);
    act(() => result.current.redo());
    expect(result.current.draft.name).toBe('Wai');

    act(() => result.current.edit(named('Wait'), field)); // after a redo: a step of its own
    vi.advanceTimersByTime(COALESCE_MS + 1);
    act(() => result.current.edit(named('Waits'), field));
    act(() => result.current.edit(named('Waits!'), other));
    act(() => result.current.closeStep());
    act(() => result.current.edit(named('Waits!!'), other));
    const undone: string[] = [];
    while (result.current.canUndo) {
      act(() => result.current.undo());
      undone.push(result.current.draft.name);
    }
    expect(undone).toEqual(['Waits!', 'Waits', 'Wait', 'Wai', ksp24.name]);
  });

  it(`keeps at most ${HISTORY_LIMIT} earlier drafts`, () => {
    const { result } = renderHook(() => useDraftHistory(ksp24));
    for (let n = 1; n <= HISTORY_LIMIT + 5; n++) act(() => result.current.edit(named(`v${n}`)));
    let steps = 0;
    while (result.current.canUndo) {
      act(() => result.current.undo());
      steps++;
    }
    expect(steps).toBe(HISTORY_LIMIT);
    expect(result.current.draft.name).toBe('v5');
  });
});
