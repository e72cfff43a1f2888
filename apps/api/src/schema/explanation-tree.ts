import type {
  AreaExplanation,
  CompanyExplanation,
  ContactExplanation,
  Edition,
  LocalizedText,
  PerformanceExplanation,
  QuestionExplanation,
} from '@ksp/domain';

export type ExplanationNodeKind = 'company' | 'channel' | 'contact' | 'area' | 'performance' | 'question';

/**
 * One row of an explanation: a company, channel, contact, area, performance or question with its numbers and
 * what rules affected it. Every number is the domain's (explainCompany / explainContact); this only arranges them.
 */
export interface ExplanationNode {
  id: string;
  parentId: string | null;
  depth: number;
  kind: ExplanationNodeKind;
  key: string;
  label: LocalizedText;
  points: number | null;
  possible: number | null;
  score: number | null;
  weight: number | null;
  /** What this node adds to its parent's score (areas → contact total, contacts/channels → company total). */
  contribution: number | null;
  counted: boolean;
  n: number | null;
  status: string | null;
  optionKey: string | null;
  optionLabel: LocalizedText | null;
  waitingTime: number | null;
  shadowPoints: number | null;
  shadowPossible: number | null;
  shadowScore: number | null;
  effects: string[];
  children: ExplanationNode[];
}

/** Texts of an edition by key, for labels. */
interface Texts {
  channels: Map<string, LocalizedText>;
  areas: Map<string, LocalizedText>;
  performances: Map<string, LocalizedText>;
  questions: Map<string, { text: LocalizedText; options: Map<string, LocalizedText> }>;
}

function textsOf(edition: Edition): Texts {
  const texts: Texts = {
    channels: new Map(),
    areas: new Map(),
    performances: new Map(),
    questions: new Map(),
  };
  for (const c of edition.channels) texts.channels.set(c.key, c.name);
  for (const a of edition.areas) {
    texts.areas.set(a.key, a.name);
    for (const p of a.performances) {
      texts.performances.set(p.key, p.name);
      for (const q of p.questions)
        texts.questions.set(q.key, {
          text: q.text,
          options: new Map(q.options.map((o) => [o.key, o.label])),
        });
    }
  }
  return texts;
}

const plain = (text: string): LocalizedText => ({ nb: text, en: text });

function node(
  parent: ExplanationNode | null,
  kind: ExplanationNodeKind,
  key: string,
  label: LocalizedText,
  fields: Partial<ExplanationNode>,
): ExplanationNode {
  const created: ExplanationNode = {
    id: parent ? `${parent.id}/${kind}:${key}` : `${kind}:${key}`,
    parentId: parent?.id ?? null,
    depth: parent ? parent.depth + 1 : 0,
    kind,
    key,
    label,
    points: null,
    possible: null,
    score: null,
    weight: null,
    contribution: null,
    counted: true,
    n: null,
    status: null,
    optionKey: null,
    optionLabel: null,
    waitingTime: null,
    shadowPoints: null,
    shadowPossible: null,
    shadowScore: null,
    effects: [],
    children: [],
    ...fields,
  };
  parent?.children.push(created);
  return created;
}

const CONTACT_RULE: Record<ContactExplanation['totalRule'], (d: number) => string> = {
  weighted: (d) =>
    `Total = Σ area weight × area % / Σ weights of the scored areas with something possible (${d}).`,
  points: (d) => `Total = 100 × Σ earned / Σ possible over the scored areas (${d}).`,
  unanswered: () => 'Unanswered contact: counts 0 in Totalresultat; nothing else is scored.',
  criticalContact: () => 'A critical answer set the whole contact to 0.',
  nothingScorable: () => 'Nothing could be scored: the contact is left out of the company’s means.',
};

/** The tree of one contact under `parent` (or as the root): contact → area → performance → question. */
export function contactTree(
  edition: Edition,
  contact: ContactExplanation,
  parent: ExplanationNode | null = null,
  contribution: number | null = null,
  texts = textsOf(edition),
): ExplanationNode {
  const root = node(
    parent,
    'contact',
    contact.evaluationId,
    plain(`${contact.evaluationId} (${contact.channel})`),
    {
      score: contact.total,
      status: contact.totalRule,
      contribution,
      counted: contact.total !== null,
      possible: contact.denominator,
      effects: [CONTACT_RULE[contact.totalRule](contact.denominator)],
    },
  );
  for (const area of contact.areas) areaTree(root, area, texts);
  return root;
}

function areaTree(parent: ExplanationNode, area: AreaExplanation, texts: Texts) {
  const effects: string[] = [];
  if (area.zeroedByCritical) effects.push('A critical answer set this area to 0.');
  if (!area.countsInTotal)
    effects.push('Not in the total (unscored or a separate index): its shadow score shows it as if scored.');
  else if (area.possible === 0) effects.push('Nothing possible in this contact: left out of the total.');
  const a = node(parent, 'area', area.key, texts.areas.get(area.key) ?? plain(area.key), {
    points: area.earned,
    possible: area.possible,
    score: area.percentage,
    weight: area.weight,
    contribution: area.contribution,
    counted: area.countsInTotal && area.possible > 0 && parent.counted,
    shadowPoints: area.shadowEarned,
    shadowPossible: area.shadowPossible,
    shadowScore: area.shadowPercentage,
    effects,
  });
  for (const performance of area.performances) performanceTree(a, performance, texts);
}

function performanceTree(parent: ExplanationNode, performance: PerformanceExplanation, texts: Texts) {
  const p = node(
    parent,
    'performance',
    performance.key,
    texts.performances.get(performance.key) ?? plain(performance.key),
    {
      points: performance.earned,
      possible: performance.possible,
      score: performance.percentage,
      counted: performance.possible > 0 && parent.counted,
      shadowPoints: performance.shadowEarned,
      shadowPossible: performance.shadowPossible,
      shadowScore: performance.shadowPercentage,
    },
  );
  for (const question of performance.questions) questionNode(p, question, texts);
}

const STATUS_EFFECT: Partial<Record<QuestionExplanation['status'], string>> = {
  notApplicable: 'N/A: left out of points and possible.',
  notAnswered: 'Not answered: counts as not asked.',
  contactUnanswered: 'The contact went unanswered: nothing is scored.',
};

function questionNode(parent: ExplanationNode, q: QuestionExplanation, texts: Texts) {
  const text = texts.questions.get(q.key);
  const effects: string[] = [];
  const statusEffect = STATUS_EFFECT[q.status];
  if (statusEffect) effects.push(statusEffect);
  if (q.status === 'waitingTime')
    effects.push(`Scored by the channel’s waiting bands (waiting time ${q.waitingTime}).`);
  if (q.bonus) effects.push('Bonus: adds its points, never adds possible points.');
  if (!q.scored) effects.push('Unscored: reported in the shadow score only.');
  if (q.critical)
    effects.push(
      `Critical (${q.critical}): a 0-point answer sets the ${q.critical} to 0.${q.criticalTriggered ? ' Triggered here.' : ''}`,
    );
  node(parent, 'question', q.key, text?.text ?? plain(q.key), {
    points: q.earned,
    possible: q.possible,
    score: q.possible > 0 ? (100 * q.earned) / q.possible : null,
    counted: q.scored && (q.possible > 0 || (q.bonus && q.earned > 0)) && parent.counted,
    status: q.status,
    optionKey: q.optionKey,
    optionLabel: q.optionKey ? (text?.options.get(q.optionKey) ?? null) : null,
    waitingTime: q.waitingTime,
    shadowPoints: q.shadowEarned,
    shadowPossible: q.shadowPossible,
    shadowScore: q.shadowPossible > 0 ? (100 * q.shadowEarned) / q.shadowPossible : null,
    effects,
  });
}

/**
 * The tree of a company: company → channel → contact → area → performance → question. Contributions add up:
 * channels (and their contacts) to the company total, areas to the contact total.
 */
export function companyTree(edition: Edition, explanation: CompanyExplanation): ExplanationNode {
  const texts = textsOf(edition);
  const { company } = explanation;
  const byChannel = explanation.contactWeighting === 'channel';
  const root = node(null, 'company', company.companyKey, plain(company.name), {
    score: company.total,
    n: company.n,
    effects: [
      byChannel
        ? 'Total = Σ channel weight × channel total / Σ weights of the channels with a total.'
        : 'Total = mean of the contact totals, unanswered contacts counting 0, contacts without a score left out.',
      ...(company.criticalContacts > 0
        ? [`${company.criticalContacts} contact(s) set to 0 by a critical answer.`]
        : []),
    ],
  });
  const scoredContacts = explanation.contacts.filter((c) => c.total !== null).length;
  const weightSum = explanation.channels
    .filter((c) => c.total !== null)
    .reduce((sum, c) => sum + (c.weight ?? 0), 0);
  for (const channel of explanation.channels) {
    const contacts = explanation.contacts.filter((c) => c.channel === channel.key);
    const withTotal = contacts.filter((c) => c.total !== null).length;
    const contactShare = (c: ContactExplanation) =>
      c.total === null
        ? 0
        : byChannel
          ? ((channel.weight ?? 0) / weightSum) * (c.total / withTotal)
          : c.total / scoredContacts;
    const effects: string[] = [];
    if (channel.nUnanswered > 0)
      effects.push(`${channel.nUnanswered} unanswered contact(s), each counting 0.`);
    if (channel.nWithoutScore > 0)
      effects.push(`${channel.nWithoutScore} contact(s) without anything to score, left out of the mean.`);
    const c = node(root, 'channel', channel.key, texts.channels.get(channel.key) ?? plain(channel.key), {
      score: channel.total,
      weight: channel.weight,
      n: channel.n,
      counted: channel.total !== null,
      contribution: contacts.reduce((sum, contact) => sum + contactShare(contact), 0),
      effects,
    });
    for (const contact of contacts) contactTree(edition, contact, c, contactShare(contact), texts);
  }
  return root;
}

/** The tree as a flat list in pre-order (parents before children), for clients that build their own tree. */
export function flatten(root: ExplanationNode): ExplanationNode[] {
  const out: ExplanationNode[] = [];
  const visit = (n: ExplanationNode) => {
    out.push(n);
    for (const child of n.children) visit(child);
  };
  visit(root);
  return out;
}
