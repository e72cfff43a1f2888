import { describe, expect, it } from 'vitest';
import { EXPLANATION_SLICE_MAX_ROWS, explanationSlice } from '../src/explain/explanation-slice';

interface Row {
  id: string;
  children: Row[];
}

/** A company-shaped tree: `fanOut[i]` children per row at level i (channels, contacts, areas, …). */
function tree(fanOut: readonly number[], id = 'root'): Row {
  const [here = 0, ...below] = fanOut;
  return { id, children: Array.from({ length: here }, (_, i) => tree(below, `${id}/${i}`)) };
}

const ids = (rows: readonly Row[] | null) => rows?.map((r) => r.id) ?? null;
const depthOf = (id: string) => id.split('/').length - 1;

describe('explanationSlice', () => {
  // 1 company, 4 channels, 24 contacts, 120 areas, 360 performances, 1,440 questions.
  const company = tree([4, 6, 5, 3, 4]);

  it('gives the root and as many whole levels as fit, in pre-order', () => {
    const rows = explanationSlice(company) ?? [];
    // 1 + 4 + 24 = 29 rows fit; with the 120 areas (149) they would not.
    expect(rows).toHaveLength(29);
    expect(rows[0]?.id).toBe('root');
    expect(rows[1]?.id).toBe('root/0');
    expect(rows[2]?.id).toBe('root/0/0');
    expect(Math.max(...rows.map((r) => depthOf(r.id)))).toBe(2);
    // Rows keep their children: a client sees the contacts have more below.
    expect(rows.find((r) => r.id === 'root/0/0')?.children).toHaveLength(5);
  });

  it('gives the rows below a row, not the row itself, whole levels as far as they fit', () => {
    const contact = explanationSlice(company, { under: 'root/1/2' }) ?? [];
    expect(contact).toHaveLength(5 + 15 + 60);
    expect(contact[0]?.id).toBe('root/1/2/0');
    expect(contact.every((r) => r.id.startsWith('root/1/2/'))).toBe(true);
    const channel = explanationSlice(company, { under: 'root/1' }) ?? [];
    // 6 contacts + 30 areas + 90 performances = 126 > 120: contacts and areas.
    expect(channel).toHaveLength(6 + 30);
  });

  it('stops at the asked depth, and always gives a row’s children even when they are many', () => {
    expect(ids(explanationSlice(company, { depth: 1 }))).toEqual([
      'root',
      'root/0',
      'root/1',
      'root/2',
      'root/3',
    ]);
    expect(explanationSlice(company, { under: 'root/0/0', depth: 2 })).toHaveLength(5 + 15);
    const wide = tree([EXPLANATION_SLICE_MAX_ROWS * 2, 2]);
    expect(explanationSlice(wide)).toHaveLength(1 + EXPLANATION_SLICE_MAX_ROWS * 2);
  });

  it('gives the whole tree when it fits, and null for a row that is not in it', () => {
    const contact = tree([5, 3, 4]);
    expect(explanationSlice(contact)).toHaveLength(1 + 5 + 15 + 60);
    expect(explanationSlice(company, { under: 'root/9' })).toBeNull();
    expect(explanationSlice(company, { under: 'root/0/0/0/0/0' })).toEqual([]);
  });
});
