import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it as vitestIt } from 'vitest';
import type { MessageKey } from '../src/i18n/nb';
import { ADMIN, adminUi, byOrder, shotsDir as shots } from './adminUi';
import { type RunningApi, startApi } from './apiServer';
import { launchOptions } from './chromium';
import { graphqlRequest, signIn } from './graphqlClient';
import { text } from './messages';

// One admin's year: start KSP25 from KSP24, edit and publish it, read what changed, submit an evaluation
// and see it in the results and the company's trend. Steps run in order on one page.
let api: RunningApi;
let browser: Browser;
let page: Page;

const { shot, toast, menu, visible, treeRow, save, allSaved } = adminUi(() => page);

interface ApiOption {
  key: string;
  points: number | null;
  label: string;
}
interface ApiQuestion {
  key: string;
  scored: boolean;
  channels: string[];
  text: string;
  options: ApiOption[];
}
interface EditionData {
  edition: {
    channels: Array<{ key: string; order: number; name: string }>;
    areas: Array<{
      key: string;
      order: number;
      performances: Array<{ key: string; order: number; name: string; questions: ApiQuestion[] }>;
    }>;
    participants: Array<{ channels: string[]; company: { key: string; name: string } }>;
  };
}
const editionQuery = `query($key: String!) { edition(key: $key) {
  channels { key order name }
  areas { key order performances { key order name
    questions { key scored channels text options { key points label } } } }
  participants { channels company { key name } }
} }`;
// Each step needs the ones before it: after a failure the rest are skipped instead of timing out one by one.
let failed = false;
const pageErrors: string[] = [];
const it = (name: string, step: () => Promise<void>) =>
  vitestIt(name, async (context) => {
    if (failed) context.skip();
    await step();
  });

async function companyRow(companyName: string) {
  await page.getByRole('table').waitFor();
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: companyName, exact: true }) });
}

describe.sequential('admin app against the real API', () => {
  let token: string;
  let performance: EditionData['edition']['areas'][number]['performances'][number];
  let question: ApiQuestion;
  let option: ApiOption;
  let channel: EditionData['edition']['channels'][number];
  let company: { key: string; name: string };
  const newPerformanceName = 'Personlig velkomst (endret i test)';
  const newQuestion = {
    nb: 'Brukte agenten navnet ditt i chatten?',
    en: 'Did the agent use your name in the chat?',
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    api = await startApi();
    browser = await chromium.launch(launchOptions);
    // Reduced motion: charts draw without animation, so screenshots show them whole.
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'nb-NO',
      reducedMotion: 'reduce',
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    token = await signIn(api.url, ADMIN.email, ADMIN.password);
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    failed = true;
    await shot('failed');
    if (pageErrors.length > 0) console.error(`Browser errors:\n${pageErrors.join('\n')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('signs in as admin and lists the editions by year', async () => {
    await page.goto(api.url);
    await page.getByLabel(text('signIn.email')).fill(ADMIN.email);
    await page.getByLabel(text('signIn.password')).fill(ADMIN.password);
    await shot('01-sign-in');
    await page.getByRole('button', { name: text('signIn.submit') }).click();
    await visible(page.getByRole('heading', { name: text('editions.title'), level: 1 }));
    await visible(page.getByRole('heading', { name: 'KSP24 – Kundeserviceprisen 2024' }));
    // The seed ends at KSP24: the test starts KSP25 itself.
    expect(await page.getByRole('heading', { name: /^KSP25/ }).count()).toBe(0);
    // An admin sees every screen in the menu.
    for (const key of ['nav.editor', 'nav.results', 'nav.observe', 'nav.audit'] as const)
      await visible(menu(key));
    await shot('02-editions');
  });

  it('starts KSP25 from KSP24 and opens it in the editor', async () => {
    const card = page.locator('li.edition-card', { hasText: 'KSP24 – Kundeserviceprisen 2024' });
    await card.getByRole('button', { name: text('editions.startNext') }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.getByLabel(text('editions.newKey')).inputValue()).toBe('KSP25');
    await dialog.getByRole('button', { name: text('editions.startNextConfirm') }).click();
    await toast(text('toast.started', { key: 'KSP25' }));
    await page.waitForURL('**/editions/KSP25/editor');
    await visible(page.getByRole('tree'));

    const data = await graphqlRequest<EditionData>(api.url, editionQuery, { key: 'KSP25' }, token);
    // A performance whose scored choice question is asked on every channel: rename it, add a chat-only
    // question to it, and give its best option one point more.
    const performances = byOrder(data.edition.areas).flatMap((a) => byOrder(a.performances));
    performance = performances.find((p) =>
      p.questions.some((q) => q.scored && q.options.length >= 3 && q.channels.length === 4),
    ) as typeof performance;
    question = performance.questions.find((q) => q.scored && q.options.length >= 3) as ApiQuestion;
    option = [...question.options].sort((a, b) => (b.points ?? 0) - (a.points ?? 0))[0] as ApiOption;
    channel = byOrder(data.edition.channels)[0] as typeof channel;
    // createEditionFrom copied KSP24's participants, so observers can report on KSP25 once it is published.
    const participant = data.edition.participants.find((p) => p.channels.includes(channel.key));
    company = participant?.company as typeof company;
    expect(company).toBeDefined();
  });

  it('renames a performance (one save, one toast)', async () => {
    await treeRow(performance.name).click();
    const name = page.getByRole('group', { name: text('editor.name') }).getByLabel(text('locale.nb'));
    expect(await name.inputValue()).toBe(performance.name);
    await name.fill(newPerformanceName);
    await visible(page.getByText(text('editor.unsavedCount', { count: 1 })));
    await save();
    await toast(text('toast.savedChanges', { count: 1 }));
    await allSaved();
    await visible(treeRow(newPerformanceName));
  });

  it('adds a question asked on chat only', async () => {
    await treeRow(newPerformanceName).click();
    await page.getByRole('button', { name: text('editor.addQuestion') }).click();
    const texts = page.getByRole('group', { name: text('editor.questionText') });
    await texts.getByLabel(text('locale.nb')).fill(newQuestion.nb);
    await texts.getByLabel(text('locale.en')).fill(newQuestion.en);
    const channels = page.getByRole('group', { name: text('editor.channels') });
    for (const box of await channels.getByRole('checkbox').all()) {
      const label = await box.evaluate((el) => el.closest('label')?.textContent?.trim() ?? '');
      if (label.toLowerCase() === 'chat') await box.check();
      else await box.uncheck();
    }
    await save();
    // The question and its two options (yes, no).
    await toast(text('toast.savedChanges', { count: 3 }));
    await allSaved();
    // Stored as asked: chat only, under the renamed performance.
    const data = await graphqlRequest<EditionData>(api.url, editionQuery, { key: 'KSP25' }, token);
    const stored = data.edition.areas
      .flatMap((a) => a.performances)
      .find((p) => p.key === performance.key)
      ?.questions.find((q) => q.text === newQuestion.nb);
    expect(stored?.channels).toEqual(['chat']);
    await visible(treeRow(newQuestion.nb));
  });

  it("changes an option's points", async () => {
    await treeRow(question.text).click();
    const points = page.getByLabel(text('editor.pointsFor', { option: option.label }));
    expect(Number(await points.inputValue())).toBe(option.points);
    await points.fill(String((option.points ?? 0) + 1));
    await save();
    await toast(text('toast.savedChanges', { count: 1 }));
    await allSaved();
    await treeRow(question.text).click();
    await shot('03-editor');
    // The same screen at tablet width.
    await page.setViewportSize({ width: 820, height: 1100 });
    await shot('03b-editor-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('publishes KSP25 after confirming', async () => {
    await menu('nav.editions').click();
    const card = page.locator('li.edition-card', { hasText: 'KSP25' });
    await card.getByRole('button', { name: text('editions.publish') }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: text('editions.publish') })
      .click();
    await toast('er publisert');
    await visible(card.getByText(text('status.published')));
  });

  it('shows the three changes from KSP24 to KSP25 in What changed', async () => {
    await menu('nav.changes').click();
    await page.waitForURL('**/changes');
    expect(await page.getByLabel(text('picker.from')).inputValue()).toBe('KSP24');
    expect(await page.getByLabel(text('picker.to')).inputValue()).toBe('KSP25');
    const change = (kind: MessageKey, hasText: string) =>
      page
        .locator('.change-item')
        .filter({ hasText: text(kind) })
        .filter({ hasText });
    await visible(change('changeKind.renamed', `«${newPerformanceName}»`));
    await visible(change('changeKind.added', `«${newQuestion.nb}»`));
    const best = option.points ?? 0;
    await visible(change('changeKind.pointsChanged', `maks ${best} → ${best + 1} poeng`));
    await shot('04-what-changed');
  });

  let contactsBefore = 0;
  const contactsOf = async () => {
    // A company without contacts yet may have no row at all.
    await visible(page.locator('table, .state-empty'));
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: company.name, exact: true }) });
    if ((await row.count()) === 0) return 0;
    // The contacts column by its header (other columns, e.g. explanations, may follow it).
    const headers = await page.getByRole('columnheader').allTextContents();
    const column = headers.findIndex((h) => h.includes(text('results.contacts')));
    expect(column).toBeGreaterThanOrEqual(0);
    return Number((await row.locator('td, th').nth(column).textContent())?.replace(/\s/g, ''));
  };

  it("reads the company's contacts in KSP25's results", async () => {
    await page.goto(`${api.url}/editions/KSP25/results`);
    await visible(page.getByRole('heading', { name: text('nav.results'), level: 1 }));
    contactsBefore = await contactsOf();
  });

  it('submits an observer evaluation to KSP25 with every question of the channel answered', async () => {
    await menu('nav.observe').click();
    await visible(page.getByRole('heading', { name: text('nav.observe'), level: 1 }));
    await page.getByLabel(text('observer.edition'), { exact: true }).selectOption('KSP25');
    const companySelect = page.getByLabel(text('observer.company'), { exact: true });
    await visible(companySelect.locator(`option[value="${company.key}"]`).locator('xpath=..'));
    await companySelect.selectOption(company.key);
    await page.getByLabel(text('observer.channel'), { exact: true }).selectOption(channel.key);
    const questions = page.locator('fieldset.question');
    await visible(questions);
    const waiting = page.getByLabel(/^Ventetid/);
    if ((await waiting.count()) > 0) await waiting.fill('1');
    for (const fieldset of await questions.all()) {
      const first = fieldset.locator('input[type=radio]').first();
      if ((await first.count()) > 0) await first.check();
    }
    await shot('05-observer-form');
    await page.getByRole('button', { name: text('observer.submit') }).click();
    await toast(text('toast.submitted'));
  });

  it("shows the company's result change in KSP25 and opens its trend chart", async () => {
    await page.goto(`${api.url}/editions/KSP25/results`);
    // One more contact: the new evaluation counts.
    expect(await contactsOf()).toBe(contactsBefore + 1);
    await shot('06-results');

    const row = await companyRow(company.name);
    await row.getByRole('link', { name: company.name }).click();
    await visible(page.getByRole('heading', { name: company.name, level: 1 }));
    await visible(page.getByRole('heading', { name: text('company.trendTitle') }));
    const trend = page.getByRole('figure', { name: text('company.trendTitle') });
    await visible(trend.locator('.recharts-line-curve'));
    // KSP21–KSP25 have results: one point per edition on the x axis, the new one included.
    for (const key of ['KSP21', 'KSP22', 'KSP23', 'KSP24', 'KSP25'])
      await visible(trend.locator('.recharts-cartesian-axis-tick-value', { hasText: key }));
    await page.mouse.move(0, 0); // no chart tooltip in the screenshot
    await shot('07-company');
  });

  it("lists KSP25's edits in the audit log with before and after", async () => {
    await menu('nav.audit').click();
    await page.waitForURL('**/editions/*/audit');
    await page.getByLabel(text('picker.edition')).selectOption('KSP25');
    await page.waitForURL('**/editions/KSP25/audit');
    const entry = page.getByRole('row').filter({ hasText: 'performance.update' });
    await visible(entry);
    for (const action of ['question.add', 'option.update', 'edition.publish'])
      await visible(page.getByRole('row').filter({ hasText: action }));
    await entry.getByRole('button', { name: text('audit.showChanges') }).click();
    const diff = page.getByRole('table', {
      name: text('audit.diffCaption', { item: `KSP25/${performance.key}` }),
    });
    await visible(diff.getByText(newPerformanceName));
    await shot('08-audit');
  });
});
