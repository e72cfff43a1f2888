import type { Evaluation } from '../model/evaluation';
import { DomainValidationError, type ValidationIssue } from '../validation/issue';
import { addAt } from './add-at';
import type { CompanyInfo, CompanyResult } from './company-result';
import {
  type CompanySums,
  createSums,
  EARNED,
  finishCompany,
  N,
  POSSIBLE,
  resetSums,
  SHADOW_EARNED,
  SHADOW_N,
  SHADOW_POSSIBLE,
  SHADOW_SUM,
  SLOTS,
  SUM,
} from './company-sums';
import { compareKeysAsc } from './compare-keys';
import type { CompiledEdition } from './compile-edition';
import { CX_METRICS } from './compile-edition';
import {
  type ContactSource,
  type ContactTally,
  createContactColumns,
  createTally,
  setContactColumns,
  tallyContactAt,
} from './contact-tally';
import { type ContactHeader, type EvaluationBatch, isEvaluationBatch } from './evaluation-batch';
import { resolveBatch } from './resolve-batch';

/**
 * Scores every evaluation and combines the contacts into one result per company (docs/scoring.md,
 * "Per company"). Every listed company gets a result, also without contacts. Contacts are summed in
 * evaluation-id order, so the results do not depend on the order of the input. Evaluations must have
 * passed validateEvaluation. A batch (many evaluations in columns) gives the same results as its evaluations.
 */
export function scoreCompanies(
  compiled: CompiledEdition,
  evaluations: readonly Evaluation[] | EvaluationBatch,
  companies: readonly CompanyInfo[],
): CompanyResult[] {
  const contacts: readonly ContactHeader[] = isEvaluationBatch(evaluations)
    ? evaluations.contacts
    : evaluations;
  const sorted = [...companies].sort((a, b) => compareKeysAsc(a.key, b.key));
  const indexByKey = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  companies.forEach((company, i) => {
    if (indexByKey.has(company.key)) {
      issues.push({ path: `companies[${i}].key`, message: `company "${company.key}" is listed twice` });
    }
    indexByKey.set(company.key, -1);
  });
  sorted.forEach((company, c) => {
    indexByKey.set(company.key, c);
  });
  // Each contact's company (its place in `sorted`) and how many contacts each company has: one map read per
  // contact, none when the contact has the company of the one before. Whether each company's contacts come in
  // id order is seen on the way (reading the ids in input order), so that only the others need sorting.
  const companyOf = new Int32Array(contacts.length);
  const start = new Int32Array(sorted.length + 1);
  const lastId: (string | undefined)[] = new Array(sorted.length).fill(undefined);
  const outOfOrder = new Uint8Array(sorted.length);
  const columns = isEvaluationBatch(evaluations) ? createContactColumns(contacts.length) : undefined;
  let lastKey: string | undefined;
  let lastCompany = -1;
  for (let i = 0; i < contacts.length; i++) {
    const contact = contacts[i] as ContactHeader;
    if (columns) setContactColumns(compiled, columns, i, contact);
    const key = contact.companyKey;
    const c = key === lastKey ? lastCompany : (indexByKey.get(key) ?? -1);
    if (c < 0) {
      issues.push({
        path: `evaluations[${i}].companyKey`,
        message: `company "${key}" is not in the company list`,
      });
      continue;
    }
    lastKey = key;
    lastCompany = c;
    companyOf[i] = c;
    start[c + 1] = (start[c + 1] as number) + 1;
    const before = lastId[c];
    if (before !== undefined && compareKeysAsc(before, contact.id) > 0) outOfOrder[c] = 1;
    lastId[c] = contact.id;
  }
  if (issues.length > 0) throw new DomainValidationError('Results input', issues);
  const order = groupByCompany(contacts, companyOf, start, outOfOrder);

  const source: ContactSource = isEvaluationBatch(evaluations)
    ? { evaluations: [], resolved: resolveBatch(compiled, evaluations), columns }
    : { evaluations, resolved: undefined, columns: undefined };
  const tally = createTally(compiled);
  const sums = createSums(compiled);
  tally.companySums = sums;
  const results: CompanyResult[] = [];
  for (let c = 0; c < sorted.length; c++) {
    const company = sorted[c] as CompanyInfo;
    results.push(
      scoreCompany(compiled, company, order, start[c] as number, start[c + 1] as number, source, tally, sums),
    );
  }
  return results;
}

/**
 * The contacts by company: company c's are order[start[c]] … order[start[c + 1] − 1], in evaluation-id order
 * (`start` holds the counts at c + 1 on entry and the offsets on return). A counting sort keeps the input order
 * within a company; the companies whose contacts came out of id order (`outOfOrder`) are then sorted (stable,
 * as Array.sort).
 */
function groupByCompany(
  contacts: readonly ContactHeader[],
  companyOf: Int32Array,
  start: Int32Array,
  outOfOrder: Uint8Array,
): Int32Array {
  for (let c = 1; c < start.length; c++) start[c] = (start[c] as number) + (start[c - 1] as number);
  const next = start.slice(0, start.length - 1);
  const order = new Int32Array(contacts.length);
  for (let i = 0; i < contacts.length; i++) {
    const c = companyOf[i] as number;
    order[next[c] as number] = i;
    next[c] = (next[c] as number) + 1;
  }
  for (let c = 0; c < outOfOrder.length; c++) {
    if (outOfOrder[c] === 0) continue;
    const from = start[c] as number;
    const list = Array.from(order.subarray(from, start[c + 1] as number));
    list.sort((a, b) => compareKeysAsc((contacts[a] as ContactHeader).id, (contacts[b] as ContactHeader).id));
    order.set(list, from);
  }
  return order;
}

/** Scores contacts order[from] … order[to − 1] (one company's, in id order) and sums them up. */
function scoreCompany(
  compiled: CompiledEdition,
  company: CompanyInfo,
  order: Int32Array,
  from: number,
  to: number,
  source: ContactSource,
  t: ContactTally,
  sums: CompanySums,
): CompanyResult {
  const { chN, chAnswered, chScored, chSum, chAnsweredScored, chAnsweredSum, areaSums, performanceSums, cx } =
    sums;
  resetSums(sums);
  let criticalContacts = 0;

  for (let k = from; k < to; k++) {
    tallyContactAt(compiled, source, order[k] as number, t);
    const c = t.channelIndex;
    if (c < 0) continue;
    addAt(chN, c, 1);
    if (t.contactZeroed) criticalContacts++;
    const total = t.total;
    const scored = !Number.isNaN(total);
    if (scored) {
      addAt(chScored, c, 1);
      addAt(chSum, c, total);
    }
    if (!t.answered) continue;
    addAt(chAnswered, c, 1);
    if (scored) {
      addAt(chAnsweredScored, c, 1);
      addAt(chAnsweredSum, c, total);
    }
    // The contact's parts were added to the company's sums as it was summed up (ContactTally.companySums).
    if (t.anyCx) {
      for (let m = 0; m < CX_METRICS.length; m++) {
        const value = t.cx[m] as number;
        if (!Number.isNaN(value)) cx.addAt(m, value);
      }
    }
  }

  copyShadowSame(areaSums, t.areaShadowSame);
  copyShadowSame(performanceSums, t.perfShadowSame);

  return finishCompany(compiled, company, to - from, criticalContacts, sums);
}

/** The shadow sums of the parts whose shadow figures equal their real ones: the real sums (they were not summed apart). */
function copyShadowSame(sums: Float64Array, shadowSame: Uint8Array): void {
  for (let i = 0; i < shadowSame.length; i++) {
    if (shadowSame[i] === 0) continue;
    const o = i * SLOTS;
    sums[o + SHADOW_N] = sums[o + N] as number;
    sums[o + SHADOW_SUM] = sums[o + SUM] as number;
    sums[o + SHADOW_EARNED] = sums[o + EARNED] as number;
    sums[o + SHADOW_POSSIBLE] = sums[o + POSSIBLE] as number;
  }
}
