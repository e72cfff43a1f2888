import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it as vitestIt } from 'vitest';
import type { MessageKey } from '../src/i18n/nb';
import { type RunningApi, startApi } from './apiServer';
import { launchOptions } from './chromium';
import { graphqlRequest, signIn } from './graphqlClient';
import { text } from './messages';

// One admin's year: start KSP25 from KSP24, edit and publish it, read what changed, submit an evaluation
// and see it in the results and the company's trend. Steps run in order on one page.
const shots = resolve(import.meta.dirname, '../test-results/browser');
const ADMIN = { email: 'admin@example.org', password: 'demo-password' };

let api: RunningApi;
let browser: Browser;
let page: Page;

const shot = (name: string) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
const toast = (message: string) => page.locator('.toast', { hasText: message }).first().waitFor();
const menu = (key: MessageKey) =>
  page
    .getByRole('navigation', { name: text('nav.main') })
    .getByRole('link', { name: text(key), exact: true });
const visible = (selector: ReturnType<Page['locator']>) => selector.first().waitFor({ state: 'visible' });

interface EditionData {
  edition: {
    areas: Array<{ key: string; order: number; version: number; name: string }>;
    channels: Array<{ key: string; order: number; name: string; waitingBands: Array<{ points: number }> }>;
    participants: Array<{ channels: string[]; company: { key: string; name: string } }>;
  };
}
const editionQuery = `query($key: String!) { edition(key: $key) {
  areas { key order version name }
  channels { key order name waitingBands { points } }
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

const byOrder = <T extends { order: number }>(items: T[]) => [...items].sort((a, b) => a.order - b.order);

async function companyRow(companyName: string) {
  await page.getByRole('table').waitFor();
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: companyName, exact: true }) });
}

describe.sequential('admin app against the real API', () => {
  let token: string;
  let area: EditionData['edition']['areas'][number];
  let channel: EditionData['edition']['channels'][number];
  let company: { key: string; name: string };
  const newAreaName = 'Velkomsten (endret i test)';

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
    area = byOrder(data.edition.areas)[0] as typeof area;
    channel = byOrder(data.edition.channels)[0] as typeof channel;
    // createEditionFrom copies the definition but not the participants (and the API cannot add them yet),
    // so the evaluation goes into KSP24, which is published and has participants.
    const source = await graphqlRequest<EditionData>(api.url, editionQuery, { key: 'KSP24' }, token);
    const participant = source.edition.participants.find((p) => p.channels.includes(channel.key));
    company = participant?.company as typeof company;
    expect(company).toBeDefined();
  });

  it('renames an area and changes waiting-band points, one save per item', async () => {
    const name = page.getByRole('group', { name: text('editor.name') }).getByLabel(text('locale.nb'));
    expect(await name.inputValue()).toBe(area.name);
    await name.fill(newAreaName);
    await page.getByRole('button', { name: text('common.save') }).click();
    await toast(text('toast.savedItem', { item: newAreaName }));
    await visible(page.getByText(text('editor.allSaved')));

    await page.getByRole('tab', { name: text('editor.tab.channels') }).click();
    const points = page.getByLabel(text('editor.bandPoints', { channel: channel.name, band: 1 }));
    const before = channel.waitingBands[0]?.points ?? 0;
    await points.fill(String(Math.max(0, before - 1)));
    await page.getByRole('button', { name: text('common.save') }).click();
    await toast(text('toast.savedItem', { item: channel.name }));
    await shot('03-editor');
  });

  it("shows another admin's newer version instead of overwriting it", async () => {
    const fresh = await graphqlRequest<EditionData>(api.url, editionQuery, { key: 'KSP25' }, token);
    const stored = fresh.edition.areas.find((a) => a.key === area.key);
    const other = await graphqlRequest<{ updateArea: { __typename: string; version?: number } }>(
      api.url,
      `mutation($key: String!, $version: Int!) {
        updateArea(editionKey: "KSP25", key: $key, version: $version,
          input: { description: [{ locale: nb, text: "Endret av en annen admin" }] }) {
          __typename ... on Area { version }
        }
      }`,
      { key: area.key, version: stored?.version },
      token,
    );
    expect(other.updateArea.__typename).toBe('Area');

    await page.getByRole('tab', { name: text('editor.tab.structure') }).click();
    const name = page.getByRole('group', { name: text('editor.name') }).getByLabel(text('locale.nb'));
    await name.fill(`${newAreaName}!`);
    await page.getByRole('button', { name: text('common.save') }).click();
    const banner = page.getByRole('alert').filter({ hasText: text('editor.conflictTitle') });
    await visible(banner);
    await visible(banner.getByText(text('editor.conflictBody', { version: other.updateArea.version ?? 0 })));
    await shot('04-editor-conflict');
    await banner.getByRole('button', { name: text('editor.conflictUseTheirs') }).click();
    await banner.waitFor({ state: 'detached' });
    const description = page
      .getByRole('group', { name: text('editor.description') })
      .getByLabel(text('locale.nb'));
    expect(await description.inputValue()).toBe('Endret av en annen admin');
    expect(await name.inputValue()).toBe(newAreaName);
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

  it('shows the changes from KSP24 to KSP25', async () => {
    await menu('nav.changes').click();
    await page.waitForURL('**/changes');
    expect(await page.getByLabel(text('picker.from')).inputValue()).toBe('KSP24');
    expect(await page.getByLabel(text('picker.to')).inputValue()).toBe('KSP25');
    // The renamed area heads its group of changes, and the rename is told in a sentence.
    await visible(page.getByRole('heading', { name: newAreaName }));
    await visible(page.getByText(`«${newAreaName}»`));
    await visible(page.locator('.changes-count'));
    await shot('05-what-changed');
  });

  let contactsBefore = 0;
  const contactsOf = async () => {
    const row = await companyRow(company.name);
    await visible(row);
    return Number((await row.locator('td').last().textContent())?.replace(/\s/g, ''));
  };

  it("reads the company's contacts in KSP24's results", async () => {
    await page.goto(`${api.url}/editions/KSP24/results`);
    contactsBefore = await contactsOf();
    expect(contactsBefore).toBeGreaterThan(0);
  });

  it('submits an observer evaluation with every question of the channel answered', async () => {
    await menu('nav.observe').click();
    await visible(page.getByRole('heading', { name: text('nav.observe'), level: 1 }));
    await page.getByLabel(text('observer.edition'), { exact: true }).selectOption('KSP24');
    const companySelect = page.getByLabel(text('observer.company'), { exact: true });
    await visible(companySelect.locator(`option[value="${company.key}"]`).locator('xpath=..'));
    await companySelect.selectOption(company.key);
    await page.getByLabel(text('observer.channel'), { exact: true }).selectOption(channel.key);
    const questions = page.locator('fieldset.question');
    await visible(questions);
    const waiting = page.getByLabel(/^Ventetid/);
    if ((await waiting.count()) > 0) await waiting.fill('1');
    for (const question of await questions.all()) {
      const first = question.locator('input[type=radio]').first();
      if ((await first.count()) > 0) await first.check();
    }
    await shot('06-observer-form');
    await page.getByRole('button', { name: text('observer.submit') }).click();
    await toast(text('toast.submitted'));
  });

  it("shows the evaluation in KSP24's results and opens the company's trend", async () => {
    await page.goto(`${api.url}/editions/KSP24/results`);
    // One more contact: the new evaluation counts (contacts before + 1).
    expect(await contactsOf()).toBe(contactsBefore + 1);
    await shot('07-results');

    const row = await companyRow(company.name);
    await row.getByRole('link', { name: company.name }).click();
    await visible(page.getByRole('heading', { name: company.name, level: 1 }));
    await visible(page.getByRole('heading', { name: text('company.trendTitle') }));
    const trend = page.getByRole('figure', { name: text('company.trendTitle') });
    await visible(trend.locator('.recharts-line-curve'));
    // KSP21–KSP24 have results: one point per edition on the x axis.
    for (const key of ['KSP21', 'KSP22', 'KSP23', 'KSP24'])
      await visible(trend.locator('.recharts-cartesian-axis-tick-value', { hasText: key }));
    await page.mouse.move(0, 0); // no chart tooltip in the screenshot
    await shot('08-company');
  });

  it('shows the audit screen placeholder until the API offers audit entries', async () => {
    await menu('nav.audit').click();
    await visible(page.getByText(text('state.apiPending')));
    await shot('09-audit');
  });
});
