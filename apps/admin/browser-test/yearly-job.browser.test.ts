import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it as vitestIt } from 'vitest';
import type { MessageKey } from '../src/i18n/nb';
import { ADMIN, adminUi, shotsDir } from './adminUi';
import { type RunningApi, startApi } from './apiServer';
import { launchOptions } from './chromium';
import { graphqlRequest, signIn } from './graphqlClient';
import { text } from './messages';

// A survey owner's yearly job: start KSP25 from KSP24, make the year's edits in one unsaved draft (trying to
// leave and undoing one on the way), save them once, read them back and in "What changed", take a second
// admin's concurrent edits (merged, then a conflict resolved), and publish. Steps run in order.
const SECOND_ADMIN = { email: 'admin2@example.org', password: 'second-admin-password', name: 'Andre Admin' };

let api: RunningApi;
let browser: Browser;
let page: Page;
let contextB: BrowserContext;
let pageB: Page;

const ui = adminUi(() => page);
const uiB = adminUi(() => pageB);
const { shot, toast, menu, visible, treeRow, save, allSaved } = ui;

type Translations = Array<{ locale: string; text: string }>;
interface StoredQuestion {
  key: string;
  order: number;
  channels: string[];
  textTranslations: Translations;
  options: Array<{ key: string; points: number | null }>;
}
interface StoredEdition {
  status: string;
  channels: Array<{ key: string; maxWait: number; waitingBands: Array<{ upTo: number; points: number }> }>;
  areas: Array<{
    key: string;
    counting: string;
    performances: Array<{ key: string; nameTranslations: Translations; questions: StoredQuestion[] }>;
  }>;
}
const editionQuery = `query($key: String!) { edition(key: $key) {
  status
  channels { key maxWait waitingBands { upTo points } }
  areas { key counting performances { key nameTranslations { locale text }
    questions { key order channels textTranslations { locale text } options { key points } } } }
} }`;
const inLocale = (translations: Translations, locale: string) =>
  translations.find((t) => t.locale === locale)?.text;

// Each step needs the ones before it: after a failure the rest are skipped instead of timing out one by one.
let failed = false;
const pageErrors: string[] = [];
const it = (name: string, step: () => Promise<void>) =>
  vitestIt(name, async (context) => {
    if (failed) context.skip();
    await step();
  });

// The year's edits (KSP24's seed texts and keys: packages/domain/src/fixtures).
const EDITION = 'KSP25';
const renamed = {
  key: 'personal_welcome',
  before: 'Personlig velkomst',
  after: 'Personlig og varm velkomst',
};
const reworded = {
  key: 'welcome_felt_welcome',
  before: 'Følte du deg velkommen når du ble mottatt som du ble?',
  nb: 'Følte du deg velkommen da du tok kontakt?',
  en: 'Did you feel welcome when you got in touch?',
};
const points = {
  questionText: 'Opplevde du velkomsten som rutinepreget/mekanisk eller som personlig og hyggelig?',
  option: 'Personlig og hyggelig',
  key: 'welcome_personal',
  before: 3,
  after: 4,
};
const addedQuestion = {
  performance: 'Løsningsgrad i førstelinjen',
  performanceKey: 'first_line_resolution',
  existingKey: 'welcome_first_agent_helped',
  nb: 'Fikk du svar i chatten uten å bli sendt videre?',
  en: 'Did you get an answer in the chat without being passed on?',
};
const unscoredArea = { key: 'overall', name: 'Totalinntrykk' };
const phone = { name: 'Telefon', maxWaitBefore: 5, maxWaitAfter: 3, removedBand: 4 };
const moved = {
  key: 'valued',
  name: 'Følte seg verdsatt',
  from: 'Kundebehandleren',
  to: 'Mottak og velkomst',
};
const undone = { name: 'Engasjement', changed: 'Engasjement i kunden' };
// The question both admins edit.
const shared = {
  key: 'agent_engaged',
  nb: 'Opplevde du kundebehandleren som engasjert i deg som kunde?',
  enByB: 'Did the agent seem engaged in you as a customer? (B)',
  nbByA: 'Virket kundebehandleren engasjert i deg som kunde? (A)',
  nbByB: 'Var kundebehandleren engasjert i deg som kunde? (B)',
};

const stored = () =>
  graphqlRequest<{ edition: StoredEdition }>(api.url, editionQuery, { key: EDITION }, token);
const performancesOf = (edition: StoredEdition) =>
  edition.areas.flatMap((area) => area.performances.map((p) => ({ ...p, areaKey: area.key })));
const questionsOf = (edition: StoredEdition) => performancesOf(edition).flatMap((p) => p.questions);
const questionOf = (edition: StoredEdition, key: string) =>
  questionsOf(edition).find((q) => q.key === key) as StoredQuestion;

/** The "N unsaved changes" count the editor's toolbar shows. */
async function unsavedCount(on: Page = page): Promise<number> {
  const pattern = new RegExp(`^${text('editor.unsavedCount').replace('{count}', '(\\d+)')}$`);
  const status = on.getByText(pattern);
  await status.waitFor();
  return Number(pattern.exec((await status.textContent()) ?? '')?.[1]);
}

/** The nb or en field of a translated text group (a name, a question text) in the editor's panel. */
const translated = (on: Page, group: MessageKey, locale: 'nb' | 'en') =>
  on.getByRole('group', { name: text(group) }).getByLabel(text(`locale.${locale}`));

let token: string;
const applyRequests: string[] = [];

describe.sequential("a survey owner's yearly job against the real API", () => {
  beforeAll(async () => {
    mkdirSync(shotsDir, { recursive: true });
    api = await startApi();
    browser = await chromium.launch(launchOptions);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Every save of the editor is one applyDefinitionChanges request: count them.
    page.on('request', (request) => {
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
      const body = request.postDataJSON() as { operationName?: string } | null;
      if (body?.operationName === 'ApplyDefinitionChanges') applyRequests.push(request.url());
    });
    token = await signIn(api.url, ADMIN.email, ADMIN.password);
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    failed = true;
    await shot('yearly-failed');
    if (pageB) await pageB.screenshot({ path: `${shotsDir}/yearly-failed-b.png`, fullPage: true });
    if (pageErrors.length > 0) console.error(`Browser errors:\n${pageErrors.join('\n')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('1. starts KSP25 from KSP24 on the editions screen', async () => {
    await ui.signIn(api.url, ADMIN);
    // The seed ends at KSP24 (packages/db/src/seed): KSP25 is the next key, offered by the dialog.
    expect(await page.getByRole('heading', { name: /^KSP25/ }).count()).toBe(0);
    const card = page.locator('li.edition-card', { hasText: 'KSP24 – Kundeserviceprisen 2024' });
    await card.getByRole('button', { name: text('editions.startNext') }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.getByLabel(text('editions.newKey')).inputValue()).toBe(EDITION);
    await dialog.getByRole('button', { name: text('editions.startNextConfirm') }).click();
    await toast(text('toast.started', { key: EDITION }));
    await page.waitForURL(`**/editions/${EDITION}/editor`);
    await visible(page.getByRole('tree'));
    await allSaved();
  });

  it('2. makes the year’s edits in one unsaved draft', async () => {
    // Rename a performance.
    await treeRow(renamed.before).click();
    expect(await translated(page, 'editor.name', 'nb').inputValue()).toBe(renamed.before);
    await translated(page, 'editor.name', 'nb').fill(renamed.after);
    await visible(treeRow(renamed.after));

    // Reword a question in both languages.
    await treeRow(reworded.before).click();
    await translated(page, 'editor.questionText', 'nb').fill(reworded.nb);
    await translated(page, 'editor.questionText', 'en').fill(reworded.en);
    await visible(treeRow(reworded.nb));

    // One point more for an option.
    await treeRow(points.questionText).click();
    const pointsField = page.getByLabel(text('editor.pointsFor', { option: points.option }));
    expect(Number(await pointsField.inputValue())).toBe(points.before);
    await pointsField.fill(String(points.after));

    // A question asked on chat only, added to a performance that has one question…
    await treeRow(addedQuestion.performance).click();
    await page.getByRole('button', { name: text('editor.addQuestion') }).click();
    await translated(page, 'editor.questionText', 'nb').fill(addedQuestion.nb);
    await translated(page, 'editor.questionText', 'en').fill(addedQuestion.en);
    const channels = page.getByRole('group', { name: text('editor.channels') });
    for (const box of await channels.getByRole('checkbox').all()) {
      const label = await box.evaluate((el) => el.closest('label')?.textContent?.trim() ?? '');
      if (label === 'Chat') await box.check();
      else await box.uncheck();
    }
    // …and put first there with the keyboard (Alt+↑ on its tree item): the questions are reordered.
    await treeRow(addedQuestion.nb).click();
    await page.keyboard.press('Alt+ArrowUp');
    const performanceItem = page
      .getByRole('treeitem')
      .filter({ has: treeRow(addedQuestion.performance) })
      .last();
    await expect
      .poll(() => performanceItem.getByRole('group').locator('.tree-label').first().textContent())
      .toBe(addedQuestion.nb);

    // An area stops counting in the score.
    await treeRow(unscoredArea.name).click();
    await page.getByLabel(text('editor.counting')).selectOption('unscored');

    // Phone's maximum wait goes down and its last band goes, so the band before it ends at the new maximum.
    await page.getByRole('tab', { name: text('editor.tab.channels') }).click();
    const phoneCard = page.getByRole('region', { name: phone.name });
    const maxWait = phoneCard.getByLabel(text('editor.maxWait', { unit: text('waitUnit.minutes') }));
    expect(Number(await maxWait.inputValue())).toBe(phone.maxWaitBefore);
    await maxWait.fill(String(phone.maxWaitAfter));
    await phoneCard
      .getByRole('button', {
        name: text('editor.removeBand', { channel: phone.name, band: phone.removedBand }),
      })
      .click();
    expect(
      Number(
        await phoneCard
          .getByLabel(text('editor.bandLimit', { channel: phone.name, band: phone.removedBand - 1 }))
          .inputValue(),
      ),
    ).toBe(phone.maxWaitAfter);
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: text('editor.issuesTitle') })
        .count(),
    ).toBe(0);
    await page.getByRole('tab', { name: text('editor.tab.structure') }).click();

    // A performance to another area, the keyboard way: "Move to…", pick the area, confirm.
    await treeRow(moved.name).click();
    await page.getByRole('button', { name: text('editor.moveToItem', { item: moved.name }) }).press('Enter');
    const dialog = page.getByRole('alertdialog', { name: text('editor.moveToTitle', { item: moved.name }) });
    const target = dialog.getByLabel(text('editor.moveTarget'));
    await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
    // Type-ahead on the focused list picks the area ("M…"), as a keyboard user would.
    await page.keyboard.press(moved.to.charAt(0));
    await expect
      .poll(() => target.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text))
      .toBe(moved.to);
    await page.keyboard.press('Tab'); // the hint is no stop: Cancel, then Move
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const areaItem = page
      .getByRole('treeitem')
      .filter({ has: page.locator('.tree-label', { hasText: moved.to }) });
    await visible(areaItem.first().getByRole('group').locator('.tree-label', { hasText: moved.name }));

    // One more edit, to be undone in step 4.
    await treeRow(undone.name).click();
    await translated(page, 'editor.name', 'nb').fill(undone.changed);
    await visible(treeRow(undone.changed));
    await shot('yearly-01-draft');
  });

  let pending = 0;
  it('3. asks before leaving with unsaved changes, and Stay keeps the draft', async () => {
    pending = await unsavedCount();
    expect(pending).toBeGreaterThanOrEqual(8);
    await menu('nav.results').click();
    const dialog = page.getByRole('alertdialog', { name: text('leave.title') });
    await visible(dialog);
    await dialog.getByRole('button', { name: text('leave.stay') }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(new RegExp(`/editions/${EDITION}/editor$`));
    expect(await unsavedCount()).toBe(pending);
    for (const label of [renamed.after, reworded.nb, addedQuestion.nb, undone.changed])
      await visible(treeRow(label));
  });

  it('4. undoes the last edit with Ctrl+Z outside a text field', async () => {
    // Focus on the tree item, not in a text field: Ctrl+Z is the draft's undo.
    await treeRow(undone.changed).click();
    await page.keyboard.press('Control+z');
    await visible(treeRow(undone.name));
    expect(await treeRow(undone.changed).count()).toBe(0);
    expect(await unsavedCount()).toBe(pending - 1);
    // The other edits stay.
    await visible(treeRow(renamed.after));
  });

  it('5. saves the whole draft once: one applyDefinitionChanges request, one toast', async () => {
    const count = await unsavedCount();
    expect(applyRequests).toHaveLength(0);
    await save();
    await toast(text('toast.savedChanges', { count }));
    await allSaved();
    expect(applyRequests).toHaveLength(1);
    expect(await page.locator('.toast', { hasText: /Lagret \d+ endring/ }).count()).toBe(1);
    await shot('yearly-02-saved');
  });

  it('6. reads every edit back through GraphQL (and not the undone one)', async () => {
    const { edition } = await stored();
    const performances = performancesOf(edition);
    const performance = (key: string) => performances.find((p) => p.key === key);
    expect(inLocale(performance(renamed.key)?.nameTranslations ?? [], 'nb')).toBe(renamed.after);
    const question = questionOf(edition, reworded.key);
    expect(inLocale(question.textTranslations, 'nb')).toBe(reworded.nb);
    expect(inLocale(question.textTranslations, 'en')).toBe(reworded.en);
    const best = questionOf(edition, points.key).options.find((o) => o.key === 'personal');
    expect(best?.points).toBe(points.after);
    // The added question: chat only, first in its performance (the one that was there comes second).
    const holder = performance(addedQuestion.performanceKey);
    const added = holder?.questions.find((q) => inLocale(q.textTranslations, 'nb') === addedQuestion.nb);
    expect(added?.channels).toEqual(['chat']);
    expect(inLocale(added?.textTranslations ?? [], 'en')).toBe(addedQuestion.en);
    const existing = holder?.questions.find((q) => q.key === addedQuestion.existingKey);
    expect((added?.order ?? 99) < (existing?.order ?? -1)).toBe(true);
    expect(edition.areas.find((a) => a.key === unscoredArea.key)?.counting).toBe('unscored');
    const phoneRule = edition.channels.find((c) => c.key === 'phone');
    expect(phoneRule?.maxWait).toBe(phone.maxWaitAfter);
    expect(phoneRule?.waitingBands).toEqual([
      { upTo: 1, points: 3 },
      { upTo: 2, points: 2 },
      { upTo: 3, points: 1 },
    ]);
    expect(performance(moved.key)?.areaKey).toBe('welcome');
    // Undone: not stored.
    expect(inLocale(performance('engagement')?.nameTranslations ?? [], 'nb')).toBe(undone.name);
  });

  it('7. lists each change from KSP24 in What changed', async () => {
    await menu('nav.changes').click();
    await page.waitForURL('**/changes');
    await page.getByLabel(text('picker.to')).selectOption(EDITION);
    await page.getByLabel(text('picker.from')).selectOption('KSP24');
    const change = (kind: MessageKey, ...parts: string[]) => {
      let item = page.locator('.change-item').filter({ hasText: text(kind) });
      for (const part of parts) item = item.filter({ hasText: part });
      return visible(item);
    };
    await change('changeKind.renamed', `«${renamed.before}»`, `«${renamed.after}»`);
    await change('changeKind.renamed', `«${reworded.before}»`, `«${reworded.nb}»`);
    await change('changeKind.pointsChanged', `maks ${points.before} → ${points.after} poeng`);
    await change('changeKind.added', `«${addedQuestion.nb}»`);
    await change('changeKind.countingChanged', `«${unscoredArea.name}»`, 'uten poeng');
    await change('changeKind.waitingRulesChanged', `«${phone.name}»`, 'maks ventetid', 'poeng for ventetid');
    await change('changeKind.moved', `«${moved.name}»`, `«${moved.from}»`, `«${moved.to}»`);
    // The undone rename is not there.
    expect(await page.locator('.change-item', { hasText: undone.changed }).count()).toBe(0);
    await shot('yearly-03-what-changed');
  });

  it('9a. a second admin saves an en text while the first has the editor open: the nb text merges', async () => {
    // The seed has one admin: the first adds a second one.
    const created = await graphqlRequest<{ createUser: { __typename: string } }>(
      api.url,
      `mutation($email: EmailAddress!, $name: String!, $password: String!) {
        createUser(email: $email, name: $name, role: admin, password: $password) { __typename }
      }`,
      SECOND_ADMIN,
      token,
    );
    expect(created.createUser.__typename).toBe('User');
    contextB = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
    pageB = await contextB.newPage();
    pageB.on('pageerror', (error) => pageErrors.push(`B: ${error.message}`));
    await uiB.signIn(api.url, SECOND_ADMIN);

    // Both load the editor.
    for (const on of [page, pageB]) {
      await on.goto(`${api.url}/editions/${EDITION}/editor`);
      await adminUi(() => on)
        .treeRow(shared.nb)
        .click();
    }
    // B changes the en text and saves.
    await translated(pageB, 'editor.questionText', 'en').fill(shared.enByB);
    await uiB.save();
    await uiB.toast(text('toast.savedChanges', { count: 1 }));
    await uiB.allSaved();

    // A, whose editor still has the old version, changes the nb text of the same question and saves: merged.
    expect(await translated(page, 'editor.questionText', 'en').inputValue()).not.toBe(shared.enByB);
    await translated(page, 'editor.questionText', 'nb').fill(shared.nbByA);
    await save();
    await toast(text('toast.savedChanges', { count: 1 }));
    await allSaved();
    const question = questionOf((await stored()).edition, shared.key);
    expect(inLocale(question.textTranslations, 'nb')).toBe(shared.nbByA);
    expect(inLocale(question.textTranslations, 'en')).toBe(shared.enByB);
  });

  it('9b. the second admin, now stale, changes the nb text too: the conflict banner shows both values', async () => {
    await translated(pageB, 'editor.questionText', 'nb').fill(shared.nbByB);
    await uiB.save();
    const banner = pageB.getByRole('alert').filter({ hasText: text('editor.conflictTitle') });
    await visible(banner);
    const row = banner.getByRole('row').filter({ has: pageB.getByRole('rowheader', { name: 'text.nb' }) });
    await visible(row);
    const cells = await row.getByRole('cell').allTextContents();
    // Theirs (A's, stored), then mine (B's, unsaved).
    expect(cells).toEqual([shared.nbByA, shared.nbByB]);
    await pageB.screenshot({ path: `${shotsDir}/yearly-04-conflict.png`, fullPage: true });
    // Nothing of B's save was stored.
    const before = questionOf((await stored()).edition, shared.key);
    expect(inLocale(before.textTranslations, 'nb')).toBe(shared.nbByA);

    // B keeps their own value.
    await banner.getByRole('button', { name: text('editor.conflictKeepMine') }).click();
    await uiB.toast(text('toast.savedChanges', { count: 1 }));
    await banner.waitFor({ state: 'detached' });
    await uiB.allSaved();
    const after = questionOf((await stored()).edition, shared.key);
    expect(inLocale(after.textTranslations, 'nb')).toBe(shared.nbByB);
    expect(inLocale(after.textTranslations, 'en')).toBe(shared.enByB);
    await contextB.close();
  });

  it('8. publishes KSP25 on the editions screen after confirming', async () => {
    await menu('nav.editions').click();
    const card = page.locator('li.edition-card', { hasText: EDITION });
    await card.getByRole('button', { name: text('editions.publish') }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: text('editions.publish') })
      .click();
    await toast('er publisert');
    await visible(card.getByText(text('status.published')));
    expect((await stored()).edition.status).toBe('published');
    await shot('yearly-05-published');
    // No uncaught errors in either admin's page on the way.
    expect(pageErrors).toEqual([]);
  });
});
