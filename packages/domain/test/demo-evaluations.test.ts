import { describe, expect, it } from 'vitest';
import {
  allocateContacts,
  demoCompanies,
  demoCompaniesIn,
  demoIndustries,
  generateDemoEvaluations,
  ksp22,
  ksp23,
  ksp24,
  MAX_CHANNELS_PER_COMPANY,
  SeededRandom,
} from '../src/fixtures';
import { validateEvaluation } from '../src/validation/validate-evaluation';
import { referencesOf } from './support/references';

describe('demo participants', () => {
  it('has 20 industries and 200 fictional companies with unique keys and names', () => {
    expect(demoIndustries).toHaveLength(20);
    expect(demoCompanies).toHaveLength(200);
    expect(new Set(demoCompanies.map((c) => c.key)).size).toBe(200);
    expect(new Set(demoCompanies.map((c) => c.name)).size).toBe(200);
    const industryKeys = new Set(demoIndustries.map((i) => i.key));
    for (const c of demoCompanies) {
      expect(industryKeys.has(c.industryKey)).toBe(true);
      expect(c.channels.length).toBeGreaterThanOrEqual(2);
      expect(c.channels.length).toBeLessThanOrEqual(4);
      expect(c.key).toMatch(/^[a-z0-9-]+$/);
    }
    // Every industry has at least two companies, so class awards can be given.
    for (const i of demoIndustries)
      expect(demoCompanies.filter((c) => c.industryKey === i.key).length).toBeGreaterThanOrEqual(2);
  });

  it('has most companies in all four editions, some joining later or leaving', () => {
    const inAll = demoCompanies.filter((c) => c.editionKeys.length === 4).length;
    expect(inAll).toBeGreaterThan(160);
    expect(
      demoCompanies.some((c) => !c.editionKeys.includes('KSP21') && c.editionKeys.includes('KSP24')),
    ).toBe(true);
    expect(
      demoCompanies.some((c) => c.editionKeys.includes('KSP21') && !c.editionKeys.includes('KSP24')),
    ).toBe(true);
  });

  it('lets skill drift: some companies improve and some decline from KSP21 to KSP24', () => {
    const change = demoCompanies.map((c) => (c.skill.KSP24 ?? 0) - (c.skill.KSP21 ?? 0));
    expect(change.filter((d) => d > 0.05).length).toBeGreaterThan(20);
    expect(change.filter((d) => d < -0.05).length).toBeGreaterThan(20);
  });
});

describe('allocateContacts', () => {
  it('spreads 25 contacts by the distribution key over the channels a company has', () => {
    // Key 10/6/5/4: all four = exactly the key.
    expect([...allocateContacts(25, ['phone', 'email', 'chat', 'messenger'])]).toEqual([
      ['phone', 10],
      ['email', 6],
      ['chat', 5],
      ['messenger', 4],
    ]);
    // phone + email: 25·10/16 = 15.625, 25·6/16 = 9.375 → 15 + 9 = 24, largest remainder (0.625) → phone 16.
    expect([...allocateContacts(25, ['phone', 'email'])]).toEqual([
      ['phone', 16],
      ['email', 9],
    ]);
  });
});

describe('generateDemoEvaluations', () => {
  const evaluations = generateDemoEvaluations(ksp23, demoCompanies, { seed: 7 });

  it('is deterministic for a seed and differs for another seed', () => {
    const again = generateDemoEvaluations(ksp23, demoCompanies, { seed: 7 });
    expect(again).toEqual(evaluations);
    const other = generateDemoEvaluations(ksp23, demoCompanies, { seed: 8 });
    expect(other.map((e) => e.id)).toEqual(evaluations.map((e) => e.id));
    expect(other).not.toEqual(evaluations);
  });

  it('makes 25 contacts per participating company with ids like KSP23-<company>-07', () => {
    const companies = demoCompaniesIn('KSP23');
    expect(evaluations).toHaveLength(companies.length * 25);
    expect(new Set(evaluations.map((e) => e.id)).size).toBe(evaluations.length);
    const first = companies[0];
    expect(evaluations.filter((e) => e.companyKey === first?.key).map((e) => e.id)[6]).toBe(
      `KSP23-${first?.key}-07`,
    );
    expect(
      generateDemoEvaluations(ksp23, companies.slice(0, 2), { seed: 1, contactsPerCompany: 10 }),
    ).toHaveLength(20);
  });

  it('uses at most 3 of each company’s own channels', () => {
    const byCompany = new Map(demoCompanies.map((c) => [c.key, c]));
    const used = new Map<string, Set<string>>();
    for (const e of evaluations) {
      expect(byCompany.get(e.companyKey)?.channels).toContain(e.channel);
      used.set(e.companyKey, (used.get(e.companyKey) ?? new Set()).add(e.channel));
    }
    for (const channels of used.values()) expect(channels.size).toBeLessThanOrEqual(MAX_CHANNELS_PER_COMPANY);
  });

  it('leaves 3–5 % of contacts unanswered, with no answers and no waiting time', () => {
    const unanswered = evaluations.filter((e) => !e.answered);
    const share = unanswered.length / evaluations.length;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.05);
    for (const e of unanswered) {
      expect(e.answers).toEqual([]);
      expect(e.waitingTime).toBeNull();
    }
  });

  it('passes validateEvaluation in every edition', () => {
    for (const edition of [ksp22, ksp23, ksp24]) {
      const all =
        edition === ksp23 ? evaluations : generateDemoEvaluations(edition, demoCompanies, { seed: 7 });
      const references = referencesOf(all);
      const problems = all.flatMap((e) =>
        validateEvaluation(edition, references, e).map((i) => `${e.id}: ${i.path} ${i.message}`),
      );
      expect(problems).toEqual([]);
    }
  });

  it('contacts on weekdays 09–15 within December–April, e-mails before noon', () => {
    for (const e of evaluations) {
      const [date, time] = e.contactedAt.split('T') as [string, string];
      const hour = Number(time.slice(0, 2));
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThan(e.channel === 'email' ? 12 : 15);
      const day = new Date(`${date}T12:00:00Z`);
      expect([1, 2, 3, 4, 5]).toContain(day.getUTCDay());
      expect(date >= '2022-12-01' && date <= '2023-04-30').toBe(true);
    }
  });

  it('keeps waiting times in the channel unit and mostly within the maximum wait', () => {
    for (const e of evaluations.filter((x) => x.answered)) {
      const channel = ksp23.channels.find((c) => c.key === e.channel);
      expect(e.waitingTime).toBeGreaterThan(0);
      // Only Messenger answers may come after the maximum wait (they still count, with 0 points).
      if (channel?.key !== 'messenger') expect(e.waitingTime).toBeLessThanOrEqual(channel?.maxWait ?? 0);
    }
  });

  it('gives better answers and CX for more skilled companies', () => {
    const companies = demoCompaniesIn('KSP23').toSorted(
      (a, b) => (a.skill.KSP23 ?? 0) - (b.skill.KSP23 ?? 0),
    );
    const weakest = new Set(companies.slice(0, 30).map((c) => c.key));
    const strongest = new Set(companies.slice(-30).map((c) => c.key));
    const share = (keys: Set<string>, question: string, options: string[]) => {
      const answers = evaluations
        .filter((e) => keys.has(e.companyKey))
        .flatMap((e) => e.answers)
        .filter((a) => a.questionKey === question);
      return answers.filter((a) => options.includes(a.optionKey ?? '')).length / answers.length;
    };
    expect(share(strongest, 'overall_impression_of_agent', ['very_good'])).toBeGreaterThan(
      share(weakest, 'overall_impression_of_agent', ['very_good']) + 0.2,
    );
    expect(share(strongest, 'cx_nps', ['v9', 'v10'])).toBeGreaterThan(
      share(weakest, 'cx_nps', ['v9', 'v10']) + 0.2,
    );
  });

  it('uses N/A only where allowed, and sometimes', () => {
    const na = evaluations.flatMap((e) => e.answers).filter((a) => a.notApplicable);
    expect(na.length).toBeGreaterThan(0);
    expect(new Set(na.map((a) => a.questionKey))).toEqual(new Set(['overall_would_buy']));
  });

  it('writes Norwegian comments per area on answered contacts', () => {
    const answered = evaluations.find((e) => e.answered);
    expect(Object.keys(answered?.comments ?? {}).sort()).toEqual(['agent', 'overall', 'welcome']);
  });
});

describe('SeededRandom', () => {
  it('repeats its sequence for a seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    for (const v of first) expect(v >= 0 && v < 1).toBe(true);
    expect(new SeededRandom(43).next()).not.toBe(first[0]);
  });
});
