import { kspEdition } from '@ksp/domain/fixtures';
import { describe, expect, it } from 'vitest';
import { savePlan } from '../src/adapters/savePlan';
import { updateArea, updatePerformance } from '../src/features/editor/editionTree';

const stored = kspEdition('KSP24');
const firstArea = stored.areas[0];
const firstChannel = stored.channels[0];
if (!firstArea || !firstChannel) throw new Error('KSP24 fixture has areas and channels');

describe('savePlan', () => {
  it('plans nothing for an unchanged draft', () => {
    expect(savePlan(stored, stored)).toEqual({ steps: [], unsupported: [] });
  });

  it('sends only the changed fields of a renamed area, as translations', () => {
    const draft = updateArea(stored, firstArea.key, (a) => ({ ...a, name: { ...a.name, nb: 'Nytt navn' } }));
    const plan = savePlan(stored, draft);
    expect(plan.unsupported).toEqual([]);
    expect(plan.steps).toEqual([
      {
        kind: 'area',
        key: firstArea.key,
        input: {
          name: [
            { locale: 'nb', text: 'Nytt navn' },
            ...(firstArea.name.en ? [{ locale: 'en', text: firstArea.name.en }] : []),
          ],
        },
      },
    ]);
  });

  it('sends a channel’s waiting bands when a band’s points change', () => {
    const bands = firstChannel.waitingBands.map((b, i) => (i === 0 ? { ...b, points: b.points + 1 } : b));
    const draft = {
      ...stored,
      channels: stored.channels.map((c) => (c.key === firstChannel.key ? { ...c, waitingBands: bands } : c)),
    };
    expect(savePlan(stored, draft).steps).toEqual([
      { kind: 'channel', key: firstChannel.key, input: { waitingBands: bands } },
    ]);
  });

  it('reorders areas with every key in the new order', () => {
    const [a, b] = stored.areas;
    if (!a || !b) throw new Error('two areas');
    const draft = {
      ...stored,
      areas: stored.areas.map((area) =>
        area.key === a.key
          ? { ...area, order: b.order }
          : area.key === b.key
            ? { ...area, order: a.order }
            : area,
      ),
    };
    const step = savePlan(stored, draft).steps.find((s) => s.kind === 'areaOrder');
    expect(step && 'keys' in step ? step.keys.slice(0, 2) : []).toEqual([b.key, a.key]);
  });

  it('lists performance changes the API cannot save yet, and saves nothing then for order', () => {
    const performance = firstArea.performances[0];
    if (!performance) throw new Error('a performance');
    const draft = updatePerformance(stored, [firstArea.key, performance.key], (p) => ({
      ...p,
      name: { ...p.name, nb: 'Omdøpt' },
    }));
    expect(savePlan(stored, draft)).toEqual({
      steps: [],
      unsupported: [`${firstArea.key}/${performance.key}`],
    });
  });
});
