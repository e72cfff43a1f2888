import { describe, expect, it } from 'vitest';
import { byOrder, EditionItemNotFoundError, questionsOnChannel, removeChannel } from '../src';
import { ksp24 } from '../src/fixtures';

const questions = (edition: typeof ksp24) =>
  edition.areas.flatMap((a) => a.performances).flatMap((p) => p.questions);

describe('removeChannel', () => {
  it('removes the channel, renumbers the rest and takes it off every question', () => {
    const asked = questionsOnChannel(ksp24, 'chat');
    expect(asked).toBeGreaterThan(0);
    const without = removeChannel(ksp24, 'chat');
    expect(byOrder(without.channels).map((c) => [c.key, c.order])).toEqual(
      byOrder(ksp24.channels)
        .filter((c) => c.key !== 'chat')
        .map((c, order) => [c.key, order]),
    );
    expect(questions(without).some((q) => q.channels.includes('chat'))).toBe(false);
    expect(questionsOnChannel(without, 'chat')).toBe(0);
    // Other channels stay on the questions, in their order.
    const before = questions(ksp24).find((q) => q.channels.includes('chat') && q.channels.length > 1);
    const after = questions(without).find((q) => q.key === before?.key);
    expect(after?.channels).toEqual(before?.channels.filter((c) => c !== 'chat'));
  });

  it('leaves the edition untouched (a copy) and refuses an unknown channel', () => {
    const copy = structuredClone(ksp24);
    removeChannel(ksp24, 'phone');
    expect(ksp24).toEqual(copy);
    expect(() => removeChannel(ksp24, 'fax')).toThrow(EditionItemNotFoundError);
  });
});
