import type {
  AreaExplanation,
  CompanyExplanation,
  ContactExplanation,
  Edition,
  ExplanationEffect,
  LocalizedText,
  PerformanceExplanation,
  QuestionExplanation,
} from '@ksp/domain';

/** A company's explanation (the domain's) with its tree of rows, as the API answers and caches it. */
export type CompanyExplanationWithTree = CompanyExplanation & { editionKey: string; root: ExplanationNode };

export type ExplanationNodeKind = 'company' | 'channel' | 'contact' | 'area' | 'performance' | 'question';

/**
 * One row of an explanation: a company, channel, contact, area, performance or question with its numbers and
 * what rules affected it. Every number and effect is the domain's (explainCompany / explainContact); this only
 * arranges them into rows with labels. It computes nothing.
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
  /** The rules that shaped the row, as the domain's typed effects. */
  effects: ExplanationEffect[];
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

/** The tree of one contact under `parent` (or as the root): contact → area → performance → question. */
export function contactTree(
  edition: Edition,
  contact: ContactExplanation & { contribution?: number },
  parent: ExplanationNode | null = null,
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
      contribution: contact.contribution ?? null,
      counted: contact.counted,
      possible: contact.denominator,
      waitingTime: contact.waitingTime,
      effects: contact.effects,
    },
  );
  for (const area of contact.areas) areaTree(root, area, texts);
  return root;
}

function areaTree(parent: ExplanationNode, area: AreaExplanation, texts: Texts) {
  const a = node(parent, 'area', area.key, texts.areas.get(area.key) ?? plain(area.key), {
    points: area.earned,
    possible: area.possible,
    score: area.percentage,
    weight: area.weight,
    contribution: area.contribution,
    counted: area.counted,
    shadowPoints: area.shadowEarned,
    shadowPossible: area.shadowPossible,
    shadowScore: area.shadowPercentage,
    effects: area.effects,
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
      counted: performance.counted,
      shadowPoints: performance.shadowEarned,
      shadowPossible: performance.shadowPossible,
      shadowScore: performance.shadowPercentage,
      effects: performance.effects,
    },
  );
  for (const question of performance.questions) questionNode(p, question, texts);
}

function questionNode(parent: ExplanationNode, q: QuestionExplanation, texts: Texts) {
  const text = texts.questions.get(q.key);
  node(parent, 'question', q.key, text?.text ?? plain(q.key), {
    points: q.earned,
    possible: q.possible,
    score: q.percentage,
    counted: q.counted,
    status: q.status,
    optionKey: q.optionKey,
    optionLabel: q.optionKey ? (text?.options.get(q.optionKey) ?? null) : null,
    waitingTime: q.waitingTime,
    shadowPoints: q.shadowEarned,
    shadowPossible: q.shadowPossible,
    shadowScore: q.shadowPercentage,
    effects: q.effects,
  });
}

/**
 * The tree of a company: company → channel → contact → area → performance → question. Contributions (the
 * domain's) add up: channels (and their contacts) to the company total, areas to the contact total.
 */
export function companyTree(edition: Edition, explanation: CompanyExplanation): ExplanationNode {
  const texts = textsOf(edition);
  const { company } = explanation;
  const root = node(null, 'company', company.companyKey, plain(company.name), {
    score: company.total,
    n: company.n,
    effects: explanation.effects,
  });
  for (const channel of explanation.channels) {
    const c = node(root, 'channel', channel.key, texts.channels.get(channel.key) ?? plain(channel.key), {
      score: channel.total,
      weight: channel.weight,
      n: channel.n,
      counted: channel.counted,
      contribution: channel.contribution,
      effects: channel.effects,
    });
    for (const contact of explanation.contacts)
      if (contact.channel === channel.key) contactTree(edition, contact, c, texts);
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
