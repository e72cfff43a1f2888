import { describe, expect, it } from 'vitest';
import { deriveEdition } from '../src/derive/derive-edition';
import { ksp20, ksp21, ksp22, ksp23, ksp24 } from '../src/fixtures';
import { computeLineage } from '../src/lineage/compute-lineage';
import { refreshLineage } from '../src/lineage/refresh-lineage';
import { setLineageMark } from '../src/lineage/set-lineage-mark';
import type { Edition } from '../src/model/edition';
import type { Lineage } from '../src/model/lineage';
import { catchValidationError } from './support/catch-validation-error';
import { testEdition } from './support/test-edition';

type Level = 'area' | 'performance' | 'question';
function lineageOf(edition: Edition, level: Level, key: string): Lineage | null | undefined {
  for (const area of edition.areas) {
    if (level === 'area' && area.key === key) return area.lineage;
    for (const performance of area.performances) {
      if (level === 'performance' && performance.key === key) return performance.lineage;
      for (const question of performance.questions)
        if (level === 'question' && question.key === key) return question.lineage;
    }
  }
  throw new Error(`no ${level} ${key} in ${edition.key}`);
}
const mark = (edition: Edition, level: Level, key: string) => lineageOf(edition, level, key)?.mark;
/** Every item whose mark is not identical, as `level:key=mark<-predecessors`. */
function notIdentical(edition: Edition): string[] {
  const out: string[] = [];
  const note = (level: string, key: string, l: Lineage | null | undefined) => {
    if (l?.mark !== 'identical') out.push(`${level}:${key}=${l?.mark}<-${l?.predecessorKeys.join('+')}`);
  };
  for (const a of edition.areas) {
    note('area', a.key, a.lineage);
    for (const p of a.performances) {
      note('performance', p.key, p.lineage);
      for (const q of p.questions) note('question', q.key, q.lineage);
    }
  }
  return out;
}

describe('KSP fixture lineage', () => {
  it('KSP21: Svar- og ventetid split out of Mottak og velkomst (KSP20), new items of 2021', () => {
    expect(ksp20.derivedFrom).toBeNull();
    expect(notIdentical(ksp21)).toEqual([
      'area:waiting=split<-welcome',
      'performance:waiting_time=moved<-waiting_time',
      'area:welcome=split<-welcome',
      'performance:felt_welcome=new<-',
      'question:welcome_felt_welcome=new<-',
      // «verdsatt» and «ville handlet» were new in 2021, so Totalinntrykk measures more than before.
      'area:overall=rescaled<-overall',
      'performance:valued=new<-',
      'question:overall_felt_valued=new<-',
      'performance:would_buy=new<-',
      'question:overall_would_buy=new<-',
    ]);
  });

  it('KSP22: the unscored call-back and referral questions are new; their areas stay identical', () => {
    expect(notIdentical(ksp22)).toEqual([
      'performance:call_back=new<-',
      'question:waiting_call_back_offered=new<-',
      'performance:referral=new<-',
      'question:overall_referred_to_website=new<-',
    ]);
  });

  it('KSP23: GDPR is new', () => {
    expect(notIdentical(ksp23)).toEqual([
      'area:gdpr=new<-',
      'performance:gdpr_data_handling=new<-',
      'question:gdpr_understood_handling=new<-',
      'performance:gdpr_data_purpose=new<-',
      'question:gdpr_purpose_explained=new<-',
      'performance:gdpr_deletion=new<-',
      'question:gdpr_deletion_explained=new<-',
    ]);
  });

  it('KSP24: GDPR retired, welcome renamed, «verdsatt» moved, efficiency question reworded', () => {
    expect(notIdentical(ksp24)).toEqual([
      'area:welcome=reworded<-welcome',
      // agent gained and overall lost a scored performance: neither area measures the same as in 2023.
      'area:agent=rescaled<-agent',
      'performance:valued=moved<-valued',
      'area:overall=rescaled<-overall',
      'question:overall_efficient=reworded<-overall_efficient',
    ]);
    expect(computeLineage(ksp23, ksp24).retired).toEqual({
      areas: ['gdpr'],
      performances: ['gdpr_data_handling', 'gdpr_data_purpose', 'gdpr_deletion'],
      questions: ['gdpr_understood_handling', 'gdpr_purpose_explained', 'gdpr_deletion_explained'],
    });
  });

  it('every item of every fixture carries lineage set by derivation', () => {
    for (const edition of [ksp21, ksp22, ksp23, ksp24]) {
      const all = edition.areas.flatMap((a) => [
        a.lineage,
        ...a.performances.flatMap((p) => [p.lineage, ...p.questions.map((q) => q.lineage)]),
      ]);
      expect(all.every((l) => l?.markSetBy === 'derivation')).toBe(true);
    }
  });
});

describe('computeLineage rules (test edition)', () => {
  const base = testEdition();
  const lineage = (change: (e: Edition) => void) => {
    const to = structuredClone(base);
    change(to);
    return computeLineage(base, to);
  };
  const question = (e: Edition, key: string) => {
    const q = e.areas.flatMap((a) => a.performances.flatMap((p) => p.questions)).find((x) => x.key === key);
    if (!q) throw new Error(key);
    return q;
  };

  it('deriveEdition marks everything identical to its namesake', () => {
    const derived = deriveEdition(base, { key: 'T25', year: 2025, name: 'T25' });
    expect(lineageOf(derived, 'question', 'listen')).toEqual({
      predecessorKeys: ['listen'],
      mark: 'identical',
      markSetBy: 'derivation',
    });
    expect(notIdentical(derived)).toEqual([]);
  });

  it('changed points rescale the question and every container it feeds', () => {
    const l = lineage((e) => {
      const yes = question(e, 'listen').options[2];
      if (yes) yes.points = 4; // 2 → 4 points
    });
    expect([l.questions.listen?.mark, l.performances.listening?.mark, l.areas.agent?.mark]).toEqual([
      'rescaled',
      'rescaled',
      'rescaled',
    ]);
    expect(l.areas.wait?.mark).toBe('identical');
  });

  it('new texts and relabelled options are rewording; a changed `required` flag is nothing', () => {
    const l = lineage((e) => {
      question(e, 'listen').text = { nb: 'Lyttet?', en: 'Listened?' };
      const no = question(e, 'solved').options[0];
      if (no) no.label = { nb: 'Nei, ikke løst', en: 'No, not solved' };
      question(e, 'spelling').required = false;
    });
    expect(l.questions.listen?.mark).toBe('reworded');
    expect(l.questions.solved?.mark).toBe('reworded');
    expect(l.questions.spelling?.mark).toBe('identical');
    expect(l.areas.agent?.mark).toBe('identical');
  });

  it('new waiting bands rescale the waiting-time question of that channel', () => {
    const l = lineage((e) => {
      e.channels[1]?.waitingBands.splice(0, 1, { upTo: 1, points: 3 }); // e-mail ≤1 day: 2 → 3 points
    });
    expect([l.questions.wait?.mark, l.performances.wait_time?.mark, l.areas.wait?.mark]).toEqual([
      'rescaled',
      'rescaled',
      'rescaled',
    ]);
    expect(l.questions.listen?.mark).toBe('identical');
  });

  it('a changed area weight rescales the area only', () => {
    const l = lineage((e) => {
      const agent = e.areas[1];
      if (agent) agent.weight = 2; // 3 → 2
    });
    expect(l.areas.agent?.mark).toBe('rescaled');
    expect(l.performances.listening?.mark).toBe('identical');
  });

  it('two performances folded into a new one are merged; their keys retire', () => {
    const l = lineage((e) => {
      const agent = e.areas[1];
      if (!agent) return;
      const [listening, solution, spelling] = agent.performances;
      if (!listening || !solution || !spelling) return;
      agent.performances = [
        {
          ...listening,
          key: 'conversation',
          questions: [...listening.questions, ...solution.questions.map((q, i) => ({ ...q, order: i + 1 }))],
        },
        spelling,
      ];
    });
    expect(l.performances.conversation).toEqual({
      predecessorKeys: ['listening', 'solution'],
      mark: 'merged',
      markSetBy: 'derivation',
    });
    expect(l.questions.solved?.mark).toBe('moved');
    expect(l.retired.performances).toEqual(['listening', 'solution']);
    expect(l.areas.agent?.mark).toBe('rescaled');
  });

  it('an admin mark survives refreshLineage; derivation marks are recomputed', () => {
    const draft = deriveEdition(base, { key: 'T25', year: 2025, name: 'T25' });
    const edited = setLineageMark(draft, { level: 'question', key: 'listen', mark: 'rescaled' });
    question(edited, 'solved').text = { nb: 'Løst?', en: 'Solved?' };
    const refreshed = refreshLineage(base, edited);
    expect(lineageOf(refreshed, 'question', 'listen')).toEqual({
      predecessorKeys: ['listen'],
      mark: 'rescaled',
      markSetBy: 'admin',
    });
    expect(mark(refreshed, 'question', 'solved')).toBe('reworded');
  });

  it('setLineageMark lists every problem', () => {
    const error = catchValidationError(() =>
      setLineageMark(base, { level: 'area', key: 'nope', mark: 'new', predecessorKeys: ['wait'] }),
    );
    expect(error.issues.map((i) => i.message)).toEqual([
      'a new item has no predecessors',
      'no area "nope" in T24',
    ]);
  });
});
