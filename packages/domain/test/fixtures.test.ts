import { describe, expect, it } from 'vitest';
import { ksp21, ksp22, ksp23, ksp24, kspEdition, kspEditions } from '../src/fixtures';
import type { Edition } from '../src/model/edition';
import { editionSchema } from '../src/model/edition';
import { parseEdition } from '../src/validation/parse-edition';

const areaKeys = (e: Edition) => e.areas.map((a) => a.key);
const area = (e: Edition, key: string) => {
  const found = e.areas.find((a) => a.key === key);
  if (!found) throw new Error(`no area ${key} in ${e.key}`);
  return found;
};
const questionOf = (e: Edition, key: string) =>
  e.areas.flatMap((a) => a.performances.flatMap((p) => p.questions)).find((q) => q.key === key);
const performanceArea = (e: Edition, key: string) =>
  e.areas.find((a) => a.performances.some((p) => p.key === key))?.key;

describe('KSP fixture editions', () => {
  it('are KSP21–KSP24 in order, each derived from the one before', () => {
    expect(kspEditions.map((e) => [e.key, e.year, e.status, e.derivedFrom])).toEqual([
      ['KSP21', 2021, 'closed', null],
      ['KSP22', 2022, 'closed', 'KSP21'],
      ['KSP23', 2023, 'closed', 'KSP22'],
      ['KSP24', 2024, 'published', 'KSP23'],
    ]);
    expect(kspEdition('KSP23')).toBe(ksp23);
    expect(() => kspEdition('KSP99')).toThrow(/KSP99/);
  });

  it.each(kspEditions.map((e) => [e.key, e] as const))(
    '%s parses with the schema and the edition checks',
    (_, e) => {
      expect(editionSchema.parse(e)).toEqual(e);
      expect(parseEdition(e)).toEqual(e);
      expect(e.locales).toEqual(['nb', 'en']);
    },
  );

  it('have the areas of each year, with GDPR only in KSP23 and unscored there', () => {
    expect(areaKeys(ksp21)).toEqual(['waiting', 'welcome', 'agent', 'overall', 'cx']);
    expect(areaKeys(ksp22)).toEqual(['waiting', 'welcome', 'agent', 'overall', 'cx']);
    expect(areaKeys(ksp23)).toEqual(['waiting', 'welcome', 'agent', 'overall', 'gdpr', 'cx']);
    expect(areaKeys(ksp24)).toEqual(['waiting', 'welcome', 'agent', 'overall', 'cx']);
    const gdpr = area(ksp23, 'gdpr');
    expect(gdpr.counting).toBe('unscored');
    expect(gdpr.performances.map((p) => p.key)).toEqual([
      'gdpr_data_handling',
      'gdpr_data_purpose',
      'gdpr_deletion',
    ]);
    expect(gdpr.performances.flatMap((p) => p.questions).every((q) => !q.scored)).toBe(true);
  });

  it('keeps Svar- og ventetid as its own scored area in all four years, weighing 5 of 100', () => {
    for (const e of kspEditions) {
      const waiting = area(e, 'waiting');
      expect(waiting.name.nb).toBe('Svar- og ventetid');
      expect(waiting.counting).toBe('scored');
      // 5 / (5 + 20 + 50 + 25) = 5 %, and the agent area 50 / 100 = 50 %.
      const weights = e.areas.filter((a) => a.counting === 'scored').map((a) => [a.key, a.weight]);
      expect(weights).toEqual([
        ['waiting', 5],
        ['welcome', 20],
        ['agent', 50],
        ['overall', 25],
      ]);
      expect(e.scoring).toEqual({
        areaWeighting: 'weighted',
        contactWeighting: 'equal',
        headlineAreaKey: 'agent',
      });
    }
  });

  it('adds the telephone-only, unscored call-back question from KSP22', () => {
    expect(questionOf(ksp21, 'waiting_call_back_offered')).toBeUndefined();
    for (const e of [ksp22, ksp23, ksp24]) {
      const q = questionOf(e, 'waiting_call_back_offered');
      expect(q?.channels).toEqual(['phone']);
      expect(q?.scored).toBe(false);
      expect(q?.options.every((o) => o.points === null)).toBe(true);
    }
  });

  it('has the Totalinntrykk additions: «verdsatt» and «ville handlet» (N/A allowed) from 2021, the unscored referral from 2022', () => {
    expect(questionOf(ksp21, 'overall_felt_valued')?.text.nb).toBe(
      'Følte du deg verdsatt som mulig ny kunde i denne dialogen?',
    );
    expect(questionOf(ksp21, 'overall_would_buy')?.allowNotApplicable).toBe(true);
    expect(questionOf(ksp21, 'overall_referred_to_website')).toBeUndefined();
    const referral = questionOf(ksp22, 'overall_referred_to_website');
    expect(referral?.text.nb).toBe(
      'Ble du i løpet av dialogen henvist til hjemmesiden eller en evt. butikk?',
    );
    expect(referral?.scored).toBe(false);
    expect(area(ksp22, 'overall').performances.map((p) => p.key)).toEqual([
      'efficient_dialogue',
      'referral',
      'overall_impression',
      'valued',
      'would_buy',
    ]);
  });

  it('moves «Følte seg verdsatt» to Kundebehandleren in KSP24 and renames the welcome area', () => {
    expect(performanceArea(ksp23, 'valued')).toBe('overall');
    expect(performanceArea(ksp24, 'valued')).toBe('agent');
    expect(area(ksp23, 'welcome').name.nb).toBe('Velkomst og mottak');
    expect(area(ksp24, 'welcome').name.nb).toBe('Mottak og velkomst');
  });

  it('asks channel-specific questions only on their channels', () => {
    const channelsOf = (key: string) => questionOf(ksp24, key)?.channels;
    expect(channelsOf('welcome_agent_and_company_name')).toEqual(['phone']);
    expect(channelsOf('welcome_agent_name_written')).toEqual(['email', 'chat', 'messenger']);
    expect(channelsOf('agent_listening')).toEqual(['phone']);
    expect(channelsOf('agent_understood_needs')).toEqual(['email', 'chat', 'messenger']);
    expect(channelsOf('agent_spelling')).toEqual(['email', 'chat', 'messenger']);
    expect(channelsOf('agent_email_sign_off')).toEqual(['email']);
  });

  it('gives every scored option question a 0-point worst option and some questions more weight', () => {
    const scored = ksp24.areas
      .flatMap((a) => a.performances.flatMap((p) => p.questions))
      .filter((q) => q.scored && q.type !== 'waitingTime');
    for (const q of scored) expect(q.options.some((o) => o.points === 0)).toBe(true);
    const best = new Set(scored.map((q) => Math.max(...q.options.map((o) => o.points ?? 0))));
    expect([...best].sort()).toEqual([1, 2, 3]);
  });

  it('has the five CX questions on their scales, unscored, in a separate index', () => {
    const cx = area(ksp21, 'cx');
    expect(cx.counting).toBe('separateIndex');
    const questions = cx.performances.flatMap((p) => p.questions);
    const scales = questions.map((q) => [
      q.cxMetric,
      q.type,
      Math.min(...q.options.map((o) => o.value ?? Number.NaN)),
      Math.max(...q.options.map((o) => o.value ?? Number.NaN)),
    ]);
    expect(scales).toEqual([
      ['CSAT', 'scale', 1, 5],
      ['CES', 'scale', 1, 7],
      ['NPS', 'nps', 0, 10],
      ['VES1', 'scale', 1, 7],
      ['VES2', 'scale', 1, 7],
    ]);
    expect(questions.every((q) => !q.scored && q.options.every((o) => o.points === null))).toBe(true);
    expect(questions[2]?.text.nb).toBe(
      'På en skala fra 0 til 10, hvor sannsynlig er det at du vil anbefale dette selskapet til venner eller familie?',
    );
  });

  it('uses the published channel limits', () => {
    const limits = ksp21.channels.map((c) => [
      c.key,
      c.maxWait,
      c.waitUnit,
      c.attempts.maxAttempts,
      c.attempts.lateAnswerCounts,
    ]);
    expect(limits).toEqual([
      ['phone', 5, 'minutes', 2, false],
      ['email', 3, 'workingDays', 1, false],
      ['chat', 5, 'minutes', 2, false],
      ['messenger', 30, 'minutes', 2, true],
    ]);
  });

  it('keeps every performance key of KSP21 in every later year (stable keys)', () => {
    const keys = (e: Edition) => new Set(e.areas.flatMap((a) => a.performances.map((p) => p.key)));
    const first = keys(ksp21);
    for (const e of [ksp22, ksp23, ksp24]) for (const key of first) expect(keys(e).has(key)).toBe(true);
  });
});
