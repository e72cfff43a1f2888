import { type CompiledEdition, shadowSameSlots } from '@ksp/domain';

/**
 * Where a contact's part figures sit in its ContactScore arrays, for one definition: the real figures at the
 * part's slot (the domain's partSlot), the shadow figures only for the parts whose shadow can differ from their
 * real figures (not shadowSameSlots), at their rank among those. Writers and the results read use this one
 * layout; a definition change rescores every contact, so rows of another layout are never summed.
 */
export interface ScoreLayout {
  /** Part slots of the definition. */
  slots: number;
  /** The slots whose shadow figures are stored, in slot order: shadow position p holds slot shadowSlots[p]. */
  shadowSlots: readonly number[];
  /** Per slot, its shadow position, or -1 where the shadow figures are the real ones. */
  shadowPosition: Int32Array;
}

const layouts = new WeakMap<CompiledEdition, ScoreLayout>();

/** The layout of a compiled definition (made once per compiled definition). */
export function scoreLayout(compiled: CompiledEdition): ScoreLayout {
  let layout = layouts.get(compiled);
  if (!layout) {
    const shadowSame = shadowSameSlots(compiled);
    const shadowSlots = shadowSame.flatMap((same, slot) => (same ? [] : [slot]));
    const shadowPosition = new Int32Array(shadowSame.length).fill(-1);
    shadowSlots.forEach((slot, position) => {
      shadowPosition[slot] = position;
    });
    layout = { slots: shadowSame.length, shadowSlots, shadowPosition };
    layouts.set(compiled, layout);
  }
  return layout;
}
