import { describe, expect, it } from 'vitest';
import { diffEditions } from '../src/comparison/diff-editions';
import { changedScoreKeys } from '../src/comparison/diff-score-keys';
import { ksp21, ksp22, ksp23, ksp24 } from '../src/fixtures';
import { area, options, performance, question, t } from '../src/fixtures/build-survey';
import { kspChannels } from '../src/fixtures/ksp-channels';
import type { Edition } from '../src/model/edition';
import { parseEdition } from '../src/validation/parse-edition';

/** A tiny two-area edition: welcome (greeting, names) and agent (listening, spelling), plus CX. */
function tiny(): Edition {
  const yesNo = () =>
    options([
      ['yes', 'Ja', 'Yes', 2],
      ['no', 'Nei', 'No', 0],
    ]);
  return parseEdition({
    key: 'A',
    year: 2030,
    name: 'A',
    status: 'closed',
    locales: ['nb', 'en'],
    derivedFrom: null,
    channels: kspChannels.slice(0, 2),
    areas: [
      area({
        key: 'welcome',
        name: t('Mottak', 'Welcome'),
        description: t('Mottak.', 'Welcome.'),
        counting: 'scored',
        weight: 40,
        performances: [
          performance('greeting', t('Hilsen', 'Greeting'), t('Hilsen.', 'Greeting.'), [
            question({
              key: 'greeting_q',
              text: t('Hilste de?', 'Did they greet?'),
              channels: ['phone', 'email'],
              options: yesNo(),
            }),
            question({
              key: 'greeting_q2',
              text: t('Smilte de?', 'Did they smile?'),
              channels: ['phone'],
              options: yesNo(),
            }),
          ]),
          performance('names', t('Navn', 'Names'), t('Navn.', 'Names.'), [
            question({
              key: 'names_q',
              text: t('Sa de navnet?', 'Did they say their name?'),
              channels: ['phone'],
              options: yesNo(),
            }),
          ]),
        ],
      }),
      {
        ...area({
          key: 'agent',
          name: t('Kundebehandleren', 'The agent'),
          description: t('Agent.', 'Agent.'),
          counting: 'scored',
          weight: 60,
          performances: [
            performance('listening', t('Lytting', 'Listening'), t('Lytting.', 'Listening.'), [
              question({
                key: 'listening_q',
                text: t('Lyttet de?', 'Did they listen?'),
                channels: ['phone'],
                options: yesNo(),
              }),
            ]),
            performance('spelling', t('Rettskrivning', 'Spelling'), t('Skrift.', 'Spelling.'), [
              question({
                key: 'spelling_q',
                text: t('Skrev de riktig?', 'Did they spell well?'),
                channels: ['email'],
                options: yesNo(),
              }),
            ]),
          ],
        }),
        order: 1,
      },
      {
        ...area({
          key: 'cx',
          name: t('CX', 'CX'),
          description: t('CX.', 'CX.'),
          counting: 'separateIndex',
          weight: null,
          performances: [
            performance('csat', t('CSAT', 'CSAT'), t('CSAT.', 'CSAT.'), [
              question({
                key: 'cx_csat',
                text: t('Fornøyd?', 'Satisfied?'),
                channels: ['phone', 'email'],
                type: 'scale',
                scored: false,
                cxMetric: 'CSAT',
                options: options([
                  ['v1', '1', '1', null, 1],
                  ['v2', '2', '2', null, 2],
                ]),
              }),
            ]),
          ],
        }),
        order: 2,
      },
    ],
    scoring: { areaWeighting: 'weighted', contactWeighting: 'equal', headlineAreaKey: 'agent' },
    awards: { minContacts: 20, minTotal: 0, minCompaniesPerIndustry: 2 },
  });
}

/** A changed copy of the tiny edition, keyed B. */
function changed(edit: (e: Edition) => void): Edition {
  const e = structuredClone(tiny());
  e.key = 'B';
  edit(e);
  return e;
}
const areaOf = (e: Edition, key: string) => e.areas.find((a) => a.key === key) as Edition['areas'][number];
const perfOf = (e: Edition, key: string) =>
  e.areas
    .flatMap((a) => a.performances)
    .find((p) => p.key === key) as Edition['areas'][number]['performances'][number];
const qOf = (e: Edition, key: string) =>
  e.areas
    .flatMap((a) => a.performances.flatMap((p) => p.questions))
    .find((q) => q.key === key) as Edition['areas'][number]['performances'][number]['questions'][number];
const kinds = (from: Edition, to: Edition) =>
  diffEditions(from, to).changes.map((c) => [c.level, c.kind, c.key, c.affectsScores]);

describe('diffEditions on hand-built editions', () => {
  it('finds nothing between an edition and its copy', () => {
    expect(
      diffEditions(
        tiny(),
        changed(() => {}),
      ).changes,
    ).toEqual([]);
  });

  it('channels: added, removed, waiting rules, weight', () => {
    const to = changed((e) => {
      e.channels = [kspChannels[0], kspChannels[2]].map((c) => structuredClone(c)) as Edition['channels'];
      const phone = e.channels[0] as Edition['channels'][number];
      phone.maxWait = 4;
      phone.waitingBands = [
        { upTo: 1, points: 3 },
        { upTo: 4, points: 0 },
      ];
      phone.weight = 0.5;
    });
    expect(kinds(tiny(), to)).toEqual([
      ['channel', 'waitingRulesChanged', 'phone', true],
      // Weights only matter when contacts are weighted by channel; here they are weighted equally.
      ['channel', 'weightChanged', 'phone', false],
      ['channel', 'added', 'chat', true],
      ['channel', 'removed', 'email', true],
    ]);
    const waiting = diffEditions(tiny(), to).changes[0];
    expect(waiting?.summary).toEqual({
      nb: 'Ventetidsreglene for kontaktmåten «Telefon» er endret (maks ventetid, poeng for ventetid).',
      en: 'Waiting rules of channel “Telephone” changed (maximum wait, waiting bands).',
    });
  });

  it('areas: renamed, description, counting, weight, reordered, added, removed', () => {
    const to = changed((e) => {
      const welcome = areaOf(e, 'welcome');
      welcome.name = t('Velkomst', 'Reception');
      welcome.description = t('Ny.', 'New.');
      welcome.weight = 30;
      areaOf(e, 'agent').counting = 'unscored';
      areaOf(e, 'agent').weight = null;
      for (const q of areaOf(e, 'agent').performances.flatMap((p) => p.questions)) {
        q.scored = false;
        q.options = q.options.map((o) => ({ ...o, points: null }));
      }
      e.areas = [areaOf(e, 'cx'), welcome, areaOf(e, 'agent')].map((a, order) => ({ ...a, order }));
      e.scoring.headlineAreaKey = 'welcome';
    });
    const diff = diffEditions(tiny(), to);
    expect(diff.changes.map((c) => [c.level, c.kind, c.key, c.affectsScores])).toEqual([
      ['edition', 'rulesChanged', 'scoring', false],
      ['area', 'reordered', 'cx', false],
      ['area', 'renamed', 'welcome', false],
      ['area', 'descriptionChanged', 'welcome', false],
      ['area', 'weightChanged', 'welcome', true],
      ['area', 'countingChanged', 'agent', true],
      ['area', 'weightChanged', 'agent', true],
      ['question', 'countingChanged', 'listening_q', true],
      ['question', 'pointsChanged', 'listening_q', true],
      ['question', 'countingChanged', 'spelling_q', true],
      ['question', 'pointsChanged', 'spelling_q', true],
    ]);
    expect(diff.changes[2]?.summary).toEqual({
      nb: 'Prestasjonsområdet «Mottak» har fått nytt navn: «Velkomst».',
      en: 'Area “Welcome” renamed “Reception”.',
    });
    expect(diff.changes[5]?.summary.nb).toBe(
      'Prestasjonsområdet «Kundebehandleren» er endret fra med poeng til uten poeng.',
    );

    const added = changed((e) => {
      e.areas.push(
        area({
          key: 'gdpr',
          name: t('GDPR', 'GDPR'),
          description: t('G.', 'G.'),
          counting: 'unscored',
          weight: null,
          performances: [],
        }),
      );
      (e.areas[3] as Edition['areas'][number]).order = 3;
      e.areas = e.areas.filter((a) => a.key !== 'cx');
    });
    expect(kinds(tiny(), added)).toEqual([
      ['area', 'added', 'gdpr', false],
      ['area', 'removed', 'cx', true],
    ]);
    const removedCx = diffEditions(tiny(), added).changes[1];
    // CX is a separate index: its scores change, the total does not.
    expect(removedCx?.affectsTotal).toBe(false);
  });

  it('performances: moved (with the summary in both locales), renamed, description, added, removed, reordered', () => {
    const to = changed((e) => {
      const welcome = areaOf(e, 'welcome');
      const agent = areaOf(e, 'agent');
      const listening = perfOf(e, 'listening');
      listening.name = t('Aktiv lytting', 'Active listening');
      agent.performances = [perfOf(e, 'spelling')];
      const names = perfOf(e, 'names');
      names.description = t('Navn i hilsen.', 'Names in the greeting.');
      welcome.performances = [names, perfOf(e, 'greeting'), listening].map((p, order) => ({ ...p, order }));
      agent.performances.push(
        performance('farewell', t('Avskjed', 'Farewell'), t('A.', 'F.'), [
          question({
            key: 'farewell_q',
            text: t('Avskjed?', 'Farewell?'),
            channels: ['phone'],
            options: options([
              ['yes', 'Ja', 'Yes', 1],
              ['no', 'Nei', 'No', 0],
            ]),
          }),
        ]),
      );
      agent.performances = agent.performances.map((p, order) => ({ ...p, order }));
      e.areas[0] = welcome;
    });
    const from = tiny();
    const diff = diffEditions(from, to);
    expect(diff.changes.map((c) => [c.level, c.kind, c.key, c.affectsScores])).toEqual([
      ['performance', 'reordered', 'names', false],
      ['performance', 'descriptionChanged', 'names', false],
      ['performance', 'moved', 'listening', true],
      ['performance', 'renamed', 'listening', false],
      ['performance', 'added', 'farewell', true],
    ]);
    expect(diff.changes[2]?.summary).toEqual({
      nb: 'Prestasjonen «Aktiv lytting» er flyttet fra «Kundebehandleren» til «Mottak».',
      en: 'Performance “Active listening” moved from “The agent” to “Welcome”.',
    });
    expect(diff.changes[2]?.path).toBe('welcome/listening');
    expect(diff.changes[2]?.before).toEqual({ areaKey: 'agent' });

    const back = diffEditions(to, from);
    expect(back.changes.map((c) => [c.kind, c.key])).toContainEqual(['removed', 'farewell']);
  });

  it('questions: renamed, moved, channels, type, points, options, counting, rules, added, removed, reordered', () => {
    const to = changed((e) => {
      const greeting = perfOf(e, 'greeting');
      const names = perfOf(e, 'names');
      const q1 = qOf(e, 'greeting_q');
      const q2 = qOf(e, 'greeting_q2');
      q1.text = t('Hilste de hyggelig?', 'Did they greet nicely?');
      q1.channels = ['phone'];
      q1.options = [
        ...q1.options.map((o) => (o.key === 'yes' ? { ...o, points: 3 } : o)),
        { key: 'partly', label: t('Delvis', 'Partly'), order: 2, points: 1, value: null },
      ];
      q2.allowNotApplicable = true;
      greeting.questions = [q2, q1].map((q, order) => ({ ...q, order }));
      // names_q moves under greeting; a new question replaces it under names.
      const namesQ = qOf(e, 'names_q');
      greeting.questions.push({ ...namesQ, order: 2 });
      names.questions = [
        question({
          key: 'names_q_new',
          text: t('Firmanavn?', 'Company name?'),
          channels: ['phone'],
          scored: false,
          type: 'yesNo',
          options: options([
            ['yes', 'Ja', 'Yes', null],
            ['no', 'Nei', 'No', null],
          ]),
        }),
      ];
      const spelling = qOf(e, 'spelling_q');
      spelling.type = 'yesNo';
      spelling.options = spelling.options.map((o) => ({
        ...o,
        label: o.key === 'no' ? t('Nei, feil', 'No, errors') : o.label,
      }));
      qOf(e, 'listening_q').required = false;
      const csat = qOf(e, 'cx_csat');
      csat.options = csat.options.map((o) => ({ ...o, value: (o.value ?? 0) + 1 }));
    });
    const diff = diffEditions(tiny(), to);
    expect(diff.changes.map((c) => [c.kind, c.key, c.affectsScores, c.affectsTotal])).toEqual([
      ['reordered', 'greeting_q2', false, false],
      ['rulesChanged', 'greeting_q2', true, true],
      ['renamed', 'greeting_q', false, false],
      ['channelsChanged', 'greeting_q', true, true],
      ['pointsChanged', 'greeting_q', true, true],
      ['optionsChanged', 'greeting_q', true, true],
      ['moved', 'names_q', true, true],
      ['added', 'names_q_new', false, false],
      ['rulesChanged', 'listening_q', false, false],
      ['typeChanged', 'spelling_q', true, true],
      // Only a label changed: a text change, scores stay like-for-like.
      ['optionsChanged', 'spelling_q', false, false],
      // CX values changed: the CX index is affected, the total is not.
      ['optionsChanged', 'cx_csat', true, false],
    ]);
    const byKind = (kind: string, key: string) => diff.changes.find((c) => c.kind === kind && c.key === key);
    expect(byKind('channelsChanged', 'greeting_q')?.summary).toEqual({
      nb: 'Spørsmålet «Hilste de hyggelig?» stilles nå på Telefon (før: Telefon, E-post).',
      en: 'Question “Did they greet nicely?” is now asked on Telephone (before: Telephone, E-mail).',
    });
    expect(byKind('pointsChanged', 'greeting_q')?.summary.en).toBe(
      'Points of question “Did they greet nicely?” changed (max 2 → 3 points).',
    );
    expect(byKind('optionsChanged', 'greeting_q')?.summary.nb).toBe(
      'Svaralternativene på spørsmålet «Hilste de hyggelig?» er endret (lagt til: «Delvis»).',
    );
    expect(byKind('moved', 'names_q')?.summary.en).toBe(
      'Question “Did they say their name?” moved from “Names” to “Greeting”.',
    );

    const back = diffEditions(to, tiny());
    expect(back.changes.filter((c) => c.kind === 'removed').map((c) => [c.key, c.affectsScores])).toEqual([
      ['names_q_new', false],
    ]);
  });

  it('award rules change no scores; scoring rules do', () => {
    const to = changed((e) => {
      e.awards.minContacts = 15;
      e.scoring.areaWeighting = 'points';
    });
    const diff = diffEditions(tiny(), to);
    expect(diff.changes.map((c) => [c.key, c.kind, c.affectsScores])).toEqual([
      ['scoring', 'rulesChanged', true],
      ['awards', 'rulesChanged', false],
    ]);
    expect(diff.changes[1]?.summary.en).toBe('Award rules changed (minContacts: 20 → 15).');
    expect(changedScoreKeys(diff).total).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(diffEditions(ksp21, ksp24))).toBe(JSON.stringify(diffEditions(ksp21, ksp24)));
  });
});

describe('diffEditions on the KSP fixtures', () => {
  it('KSP22 → KSP23: only the unscored GDPR area is added', () => {
    const diff = diffEditions(ksp22, ksp23);
    expect(diff.fromKey).toBe('KSP22');
    expect(diff.toKey).toBe('KSP23');
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({
      level: 'area',
      kind: 'added',
      key: 'gdpr',
      path: 'gdpr',
      areaKey: 'gdpr',
      performanceKey: null,
      before: null,
      summary: {
        nb: 'Prestasjonsområdet «GDPR» er lagt til (uten poeng).',
        en: 'Area “GDPR” added (unscored).',
      },
      affectsScores: false,
      affectsTotal: false,
    });
    expect(changedScoreKeys(diff)).toEqual({
      total: false,
      channels: new Set(),
      areas: new Set(),
      performances: new Set(),
      questions: new Set(),
    });
  });

  it('KSP23 → KSP24: GDPR removed, the welcome area renamed, «verdsatt» moved, one question reworded', () => {
    const diff = diffEditions(ksp23, ksp24);
    expect(
      diff.changes.map((c) => ({
        level: c.level,
        kind: c.kind,
        key: c.key,
        path: c.path,
        affects: c.affectsScores,
        nb: c.summary.nb,
      })),
    ).toEqual([
      {
        level: 'area',
        kind: 'renamed',
        key: 'welcome',
        path: 'welcome',
        affects: false,
        nb: 'Prestasjonsområdet «Velkomst og mottak» har fått nytt navn: «Mottak og velkomst».',
      },
      {
        level: 'area',
        kind: 'removed',
        key: 'gdpr',
        path: 'gdpr',
        affects: false,
        nb: 'Prestasjonsområdet «GDPR» er fjernet.',
      },
      {
        level: 'performance',
        kind: 'moved',
        key: 'valued',
        path: 'agent/valued',
        affects: true,
        nb: 'Prestasjonen «Følte seg verdsatt» er flyttet fra «Totalinntrykk» til «Kundebehandleren».',
      },
      {
        level: 'question',
        kind: 'renamed',
        key: 'overall_efficient',
        path: 'overall/efficient_dialogue/overall_efficient',
        affects: false,
        nb: 'Spørsmålet «Oppfattet du dialogen som effektiv?» har fått ny tekst: «Opplevde du dialogen som effektiv, uavhengig av hvor lang den var?».',
      },
    ]);
    expect(changedScoreKeys(diff)).toEqual({
      total: true,
      channels: new Set(),
      areas: new Set(['agent', 'overall']),
      performances: new Set(['valued']),
      questions: new Set(),
    });
  });

  it('KSP21 → KSP22: two unscored performances added', () => {
    expect(kinds(ksp21, ksp22)).toEqual([
      ['performance', 'added', 'call_back', false],
      ['performance', 'added', 'referral', false],
    ]);
  });
});

describe('changedScoreKeys', () => {
  it('marks everything inside an added scored area, and both ends of a moved question', () => {
    const to = changed((e) => {
      e.areas.push(
        area({
          key: 'extra',
          name: t('Ekstra', 'Extra'),
          description: t('E.', 'E.'),
          counting: 'scored',
          weight: 10,
          performances: [
            performance('extra_p', t('P', 'P'), t('P.', 'P.'), [
              question({
                key: 'extra_q',
                text: t('Q?', 'Q?'),
                channels: ['phone'],
                options: options([
                  ['yes', 'Ja', 'Yes', 1],
                  ['no', 'Nei', 'No', 0],
                ]),
              }),
            ]),
          ],
        }),
      );
      (e.areas[3] as Edition['areas'][number]).order = 3;
      const q = qOf(e, 'names_q');
      perfOf(e, 'names').questions = [];
      perfOf(e, 'listening').questions.push({ ...q, order: 1 });
    });
    const keys = changedScoreKeys(diffEditions(tiny(), to));
    expect(keys.total).toBe(true);
    expect([...keys.areas].sort()).toEqual(['agent', 'extra', 'welcome']);
    expect([...keys.performances].sort()).toEqual(['extra_p', 'listening', 'names']);
    expect([...keys.questions].sort()).toEqual(['extra_q', 'names_q']);
  });
});
