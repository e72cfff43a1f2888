import { describe, expect, it } from 'vitest';
import {
  addItem,
  byOrder,
  type Edition,
  EditionItemNotFoundError,
  freeKey,
  itemsIn,
  keyFromText,
  locate,
  moveItem,
  moveToIndex,
  removeItem,
  reorderItems,
  replaceItem,
  siblingPosition,
  takenKeys,
} from '../src';
import { ksp23, ksp24 } from '../src/fixtures';
import { checkEdition } from '../src/validation/check-edition';
import { testEdition } from './support/test-edition';

const edition = testEdition();
const area = (e: Edition, key: string) => e.areas.find((a) => a.key === key);
const performance = (e: Edition, key: string) =>
  e.areas.flatMap((a) => a.performances).find((p) => p.key === key);
/** [key, order] of a list, in list order. */
const orders = (items: readonly { key: string; order: number }[] | undefined) =>
  (items ?? []).map((item) => [item.key, item.order]);
const keysOf = (items: readonly { key: string; order: number }[] | undefined) =>
  byOrder(items ?? []).map((item) => item.key);
const notFound = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected EditionItemNotFoundError');
};

describe('locate', () => {
  it('finds each kind of item with its path (as checkEdition reports it) and its container', () => {
    expect(locate(edition, { level: 'channel', key: 'email' })).toMatchObject({
      item: { key: 'email' },
      path: 'channels[1]',
      container: { level: 'edition' },
    });
    expect(locate(edition, { level: 'area', key: 'gdpr' })).toMatchObject({
      path: 'areas[2]',
      container: { level: 'edition' },
    });
    expect(locate(edition, { level: 'performance', key: 'solution' })).toMatchObject({
      path: 'areas[1].performances[1]',
      container: { level: 'area', key: 'agent' },
    });
    expect(locate(edition, { level: 'question', key: 'note' })).toMatchObject({
      path: 'areas[1].performances[1].questions[2]',
      container: { level: 'performance', key: 'solution' },
    });
    expect(locate(edition, { level: 'option', questionKey: 'solved', key: 'yes' })).toMatchObject({
      item: { key: 'yes', points: 3 },
      path: 'areas[1].performances[1].questions[0].options[1]',
      container: { level: 'question', key: 'solved' },
    });
  });

  it('misses: unknown keys, a key of another kind, an option of another question', () => {
    expect(locate(edition, { level: 'area', key: 'nope' })).toBeNull();
    expect(locate(edition, { level: 'channel', key: 'chat' })).toBeNull();
    // `listening` is a performance, not an area or a question.
    expect(locate(edition, { level: 'area', key: 'listening' })).toBeNull();
    expect(locate(edition, { level: 'question', key: 'listening' })).toBeNull();
    // `partly` is an option of `listen`, not of `solved`.
    expect(locate(edition, { level: 'option', questionKey: 'solved', key: 'partly' })).toBeNull();
    expect(locate(edition, { level: 'option', questionKey: 'nope', key: 'yes' })).toBeNull();
  });

  it('lists a container’s items, and refuses a missing container or one that holds another kind', () => {
    expect(itemsIn(edition, { level: 'edition' }, 'channel').map((c) => c.key)).toEqual(['phone', 'email']);
    expect(itemsIn(edition, { level: 'area', key: 'wait' }, 'performance').map((p) => p.key)).toEqual([
      'wait_time',
      'callback',
    ]);
    const error = notFound(() => itemsIn(edition, { level: 'performance', key: 'nope' }, 'question'));
    expect(error).toBeInstanceOf(EditionItemNotFoundError);
    expect(error).toMatchObject({ editionKey: 'T24', ref: { level: 'performance', key: 'nope' } });
    expect(() => itemsIn(edition, { level: 'area', key: 'wait' }, 'question')).toThrow(
      'the area holds no questions',
    );
  });
});

describe('adding', () => {
  const newPerformance = { key: 'follow_up', name: { nb: 'Oppfølging' }, description: {}, questions: [] };

  it('appends last with the next order; the given order is ignored', () => {
    const given = { ...newPerformance, order: 7 };
    const next = addItem(edition, { level: 'area', key: 'wait' }, 'performance', given);
    expect(orders(area(next, 'wait')?.performances)).toEqual([
      ['wait_time', 0],
      ['callback', 1],
      ['follow_up', 2],
    ]);
    expect(area(edition, 'wait')?.performances).toHaveLength(2); // the edition given is left alone
  });

  it('inserts before a sibling, renumbering those after it', () => {
    const next = addItem(edition, { level: 'area', key: 'agent' }, 'performance', newPerformance, {
      before: 'solution',
    });
    expect(orders(area(next, 'agent')?.performances)).toEqual([
      ['listening', 0],
      ['follow_up', 1],
      ['solution', 2],
      ['spelling', 3],
    ]);
  });

  it('refuses a missing container or a missing sibling to insert before', () => {
    expect(
      notFound(() => addItem(edition, { level: 'area', key: 'nope' }, 'performance', newPerformance)),
    ).toMatchObject({ ref: { level: 'area', key: 'nope' } });
    expect(
      notFound(() =>
        addItem(
          edition,
          { level: 'question', key: 'solved' },
          'option',
          { key: 'maybe', label: {}, points: 1, value: null },
          {
            before: 'nope',
          },
        ),
      ),
    ).toMatchObject({ ref: { level: 'option', questionKey: 'solved', key: 'nope' } });
  });
});

describe('removing', () => {
  it('removes an item with what it holds and renumbers the siblings after it', () => {
    const next = removeItem(edition, { level: 'performance', key: 'listening' });
    expect(orders(area(next, 'agent')?.performances)).toEqual([
      ['solution', 0],
      ['spelling', 1],
    ]);
    expect(locate(next, { level: 'question', key: 'listen' })).toBeNull();
    const withoutPartly = removeItem(edition, { level: 'option', questionKey: 'privacy', key: 'partly' });
    expect(orders(locate(withoutPartly, { level: 'question', key: 'privacy' })?.item.options)).toEqual([
      ['yes', 0],
      ['no', 1],
    ]);
  });

  it('refuses an item that is not there', () => {
    const error = notFound(() => removeItem(edition, { level: 'question', key: 'nope' }));
    expect(error).toBeInstanceOf(EditionItemNotFoundError);
    expect((error as Error).message).toBe('question "nope" is not in edition T24');
  });
});

describe('moving between parents', () => {
  it('moves a performance with its questions and key to the end of another area; both areas stay dense', () => {
    const next = moveItem(
      edition,
      { level: 'performance', key: 'listening' },
      { level: 'area', key: 'wait' },
    );
    expect(orders(area(next, 'agent')?.performances)).toEqual([
      ['solution', 0],
      ['spelling', 1],
    ]);
    expect(orders(area(next, 'wait')?.performances)).toEqual([
      ['wait_time', 0],
      ['callback', 1],
      ['listening', 2],
    ]);
    expect(performance(next, 'listening')?.questions).toEqual(performance(edition, 'listening')?.questions);
    expect(checkEdition(next)).toEqual([]);
  });

  it('moves a question to the end of another performance', () => {
    const next = moveItem(
      edition,
      { level: 'question', key: 'solved' },
      { level: 'performance', key: 'spelling' },
    );
    expect(orders(performance(next, 'solution')?.questions)).toEqual([
      ['extra', 0],
      ['note', 1],
    ]);
    expect(orders(performance(next, 'spelling')?.questions)).toEqual([
      ['spelling', 0],
      ['solved', 1],
    ]);
  });

  it('leaves the edition as it is when the item is already there', () => {
    expect(
      moveItem(edition, { level: 'performance', key: 'listening' }, { level: 'area', key: 'agent' }),
    ).toBe(edition);
  });

  it('refuses a missing item or destination', () => {
    expect(
      notFound(() =>
        moveItem(edition, { level: 'performance', key: 'nope' }, { level: 'area', key: 'wait' }),
      ),
    ).toMatchObject({
      ref: { level: 'performance', key: 'nope' },
    });
    expect(
      notFound(() =>
        moveItem(edition, { level: 'performance', key: 'listening' }, { level: 'area', key: 'nope' }),
      ),
    ).toMatchObject({ ref: { level: 'area', key: 'nope' } });
  });

  it('is how KSP24 moved «Følte seg verdsatt» to Kundebehandleren', () => {
    expect(locate(ksp23, { level: 'performance', key: 'valued' })?.container).toEqual({
      level: 'area',
      key: 'overall',
    });
    const agent = area(ksp24, 'agent')?.performances ?? [];
    expect(keysOf(agent).at(-1)).toBe('valued');
    for (const a of ksp24.areas)
      expect(byOrder(a.performances).map((p) => p.order)).toEqual(a.performances.map((_, i) => i));
  });
});

describe('reordering siblings', () => {
  it('puts items in the order of the keys and renumbers them', () => {
    const next = reorderItems(edition, { level: 'area', key: 'agent' }, 'performance', [
      'spelling',
      'listening',
      'solution',
    ]);
    expect(orders(area(next, 'agent')?.performances)).toEqual([
      ['spelling', 0],
      ['listening', 1],
      ['solution', 2],
    ]);
  });

  it('keeps items the keys leave out after the listed ones, in their order, and ignores unknown keys', () => {
    const next = reorderItems(edition, { level: 'edition' }, 'area', ['cx', 'nope']);
    expect(orders(next.areas)).toEqual([
      ['cx', 0],
      ['wait', 1],
      ['agent', 2],
      ['gdpr', 3],
    ]);
  });

  it('moves one item to a position among its siblings; siblingPosition tells where it stands', () => {
    const ref = { level: 'option', questionKey: 'listen', key: 'no' } as const;
    expect(siblingPosition(edition, ref)).toEqual({ index: 0, count: 3 });
    const next = moveToIndex(edition, ref, 2);
    expect(keysOf(locate(next, { level: 'question', key: 'listen' })?.item.options)).toEqual([
      'partly',
      'yes',
      'no',
    ]);
    expect(siblingPosition(next, ref)).toEqual({ index: 2, count: 3 });
    // Before the first place means first.
    const first = moveToIndex(next, ref, -5);
    expect(siblingPosition(first, ref)).toEqual({ index: 0, count: 3 });
    expect(siblingPosition(edition, { level: 'area', key: 'nope' })).toBeNull();
  });

  it('follows `order`, not the list position, for survey order', () => {
    const shuffled: Edition = { ...edition, areas: [...edition.areas].reverse() };
    const next = moveToIndex(shuffled, { level: 'area', key: 'cx' }, 0);
    expect(keysOf(next.areas)).toEqual(['cx', 'wait', 'agent', 'gdpr']);
    expect(next.areas.map((a) => a.order)).toEqual([0, 1, 2, 3]);
  });
});

describe('replacing', () => {
  it('changes one item and copies only the containers on its way', () => {
    const next = replaceItem(edition, { level: 'option', questionKey: 'solved', key: 'yes' }, (o) => ({
      ...o,
      points: 4,
    }));
    expect(locate(next, { level: 'option', questionKey: 'solved', key: 'yes' })?.item.points).toBe(4);
    expect(locate(edition, { level: 'option', questionKey: 'solved', key: 'yes' })?.item.points).toBe(3);
    expect(area(next, 'wait')).toBe(area(edition, 'wait'));
    expect(performance(next, 'listening')).toBe(performance(edition, 'listening'));
    expect(next.channels).toBe(edition.channels);
  });

  it('refuses an item that is not there', () => {
    expect(notFound(() => replaceItem(edition, { level: 'channel', key: 'fax' }, (c) => c))).toMatchObject({
      ref: { level: 'channel', key: 'fax' },
    });
  });
});

describe('keys', () => {
  it('makes a key from the bokmål text: æ → ae, ø → o, å → a, other accents dropped', () => {
    const none = new Set<string>();
    expect(keyFromText({ nb: 'Ble kunden møtt med forståelse?' }, none, 'question')).toBe(
      'ble_kunden_mott_med_forstaelse',
    );
    expect(keyFromText({ nb: 'Ærlig og åpen', en: 'Honest' }, none, 'area')).toBe('aerlig_og_apen');
    expect(keyFromText({ nb: 'ØKONOMI – Søknad', en: 'x' }, none, 'area')).toBe('okonomi_soknad');
    expect(keyFromText({ nb: 'Café-besøk' }, none, 'area')).toBe('cafe_besok');
  });

  it('starts with a letter, keeps at most 40 characters, and falls back when nothing is left', () => {
    const none = new Set<string>();
    expect(keyFromText({ nb: '24/7 åpent' }, none, 'area')).toBe('apent');
    expect(keyFromText({ nb: '?!' }, none, 'option')).toBe('option');
    expect(keyFromText({}, none, 'performance')).toBe('performance');
    expect(keyFromText({ en: 'Follow-up' }, none, 'area')).toBe('follow_up');
    const long = keyFromText({ nb: 'Tilbød agenten å ringe kunden tilbake samme dag?' }, none, 'question');
    expect(long).toBe('tilbod_agenten_a_ringe_kunden_tilbake_sa');
    expect(long.length).toBeLessThanOrEqual(40);
  });

  it('adds _2, _3, … to a key already taken', () => {
    expect(keyFromText({ nb: 'Ja' }, new Set(['ja']), 'option')).toBe('ja_2');
    expect(freeKey('new_area', new Set(['new_area', 'new_area_2']))).toBe('new_area_3');
    expect(freeKey('new_area', new Set(['new_area_2']))).toBe('new_area');
  });

  it('takes keys per kind across the edition, options within their question', () => {
    const edition = testEdition();
    const taken = (level: Parameters<typeof takenKeys>[1], container = { level: 'edition' } as const) =>
      [...takenKeys(edition, level, container)].sort();
    expect(taken('channel')).toEqual(['email', 'phone']);
    expect(taken('area')).toEqual(['agent', 'cx', 'gdpr', 'wait']);
    // Every performance of the edition, whichever area a new one goes to; areas' keys are not taken.
    expect([...takenKeys(edition, 'performance', { level: 'area', key: 'wait' })].sort()).toEqual([
      'callback',
      'ces',
      'csat',
      'listening',
      'nps',
      'privacy',
      'solution',
      'spelling',
      'wait_time',
    ]);
    expect(takenKeys(edition, 'question', { level: 'performance', key: 'csat' }).has('solved')).toBe(true);
    expect(takenKeys(edition, 'question', { level: 'performance', key: 'csat' }).has('solution')).toBe(false);
    expect([...takenKeys(edition, 'option', { level: 'question', key: 'listen' })].sort()).toEqual([
      'no',
      'partly',
      'yes',
    ]);
    expect(notFound(() => takenKeys(edition, 'option', { level: 'question', key: 'nope' }))).toBeInstanceOf(
      EditionItemNotFoundError,
    );
  });
});
