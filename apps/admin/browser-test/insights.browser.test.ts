import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it as vitestIt } from 'vitest';
import { type RunningApi, startApi } from './apiServer';
import { launchOptions } from './chromium';
import { graphqlRequest, signIn } from './graphqlClient';
import { text } from './messages';

// Issue 8 in the browser against the real API and the demo data: score explanations (ranking position, company,
// keyboard expansion), lineage marks under What changed, the comparable trend on the company page, what-if and
// the frozen KSP23 award results. Steps run in order on one page; screenshots in test-results/insights/.
const shots = resolve(import.meta.dirname, '../test-results/insights');
const ADMIN = { email: 'admin@example.org', password: 'demo-password' };

let api: RunningApi;
let browser: Browser;
let page: Page;
let failed = false;
const pageErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
const visible = (locator: ReturnType<Page['locator']>) => locator.first().waitFor({ state: 'visible' });
// Explaining a company loads the edition's evaluations; on a loaded 2-core machine that takes a while.
const it = (name: string, step: () => Promise<void>) =>
  vitestIt(
    name,
    async (context) => {
      if (failed) context.skip();
      await step();
    },
    150_000,
  );

describe.sequential('issue 8 screens against the real API', () => {
  let top: { companyKey: string; name: string };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    api = await startApi();
    browser = await chromium.launch(launchOptions);
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'nb-NO',
      reducedMotion: 'reduce',
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const token = await signIn(api.url, ADMIN.email, ADMIN.password);
    const data = await graphqlRequest<{
      editionResults: {
        overall: { entries: Array<{ companyKey: string; name: string; position: number | null }> };
      };
    }>(
      api.url,
      `{ editionResults(editionKey: "KSP24") { ... on EditionResults { overall { entries { companyKey name position } } } } }`,
      {},
      token,
    );
    const first = data.editionResults.overall.entries.find((e) => e.position === 1);
    if (!first) throw new Error('KSP24 has no winner in the demo data');
    top = first;
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

  it('signs in as admin', async () => {
    await page.goto(api.url);
    await page.getByLabel(text('signIn.email')).fill(ADMIN.email);
    await page.getByLabel(text('signIn.password')).fill(ADMIN.password);
    await page.getByRole('button', { name: text('signIn.submit') }).click();
    await visible(page.getByRole('heading', { name: text('editions.title'), level: 1 }));
  });

  it('explains ranking position 1 from the results table and expands its breakdown', async () => {
    await page.goto(`${api.url}/editions/KSP24/results`);
    await page
      .getByRole('button', { name: text('explain.rankButtonLabel', { position: 1, company: top.name }) })
      .click();
    const heading = page.getByRole('heading', {
      name: `${text('explain.rankTitle', { position: 1 })}: ${top.name}`,
    });
    await visible(heading);
    const tree = page.getByRole('tree', { name: text('explain.treeLabel', { name: top.name }) });
    await visible(tree);
    // The company row is open; its channels are closed until asked for.
    const channel = tree.locator('[role="treeitem"][aria-level="2"]').first();
    expect(await channel.getAttribute('aria-expanded')).toBe('false');
    await channel.locator('> .xtree-row').click();
    await expect.poll(() => channel.getAttribute('aria-expanded')).toBe('true');
    await visible(tree.locator('[role="treeitem"][aria-level="3"]'));
    await shot('01-ranking-position');
  });

  it('opens the company’s breakdown and expands it with the keyboard down to the answers', async () => {
    await page.goto(`${api.url}/editions/KSP24/companies/${top.companyKey}`);
    const section = page.getByRole('region', { name: text('explain.title') });
    // The disclosure's name changes from "show" to "hide"; find it by what it controls.
    const toggle = section.locator('button[aria-controls="explain-company-body"]');
    expect(await toggle.textContent()).toBe(text('explain.show'));
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const tree = page.getByRole('tree', { name: text('explain.treeLabel', { name: top.name }) });
    await tree.waitFor({ state: 'visible', timeout: 90_000 });
    const company = tree.locator('[role="treeitem"][aria-level="1"]');
    await company.focus();
    await expect.poll(() => company.evaluate((element) => element === document.activeElement)).toBe(true);
    // ↓ to the first channel, → opens it, → to its first contact, → opens it, → to the first area, → opens it …
    await page.keyboard.press('ArrowDown');
    for (let level = 2; level <= 5; level++) {
      await page.keyboard.press('ArrowRight');
      const focused = page.locator(`[role="treeitem"][aria-level="${level}"]:focus`);
      await expect.poll(() => focused.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('ArrowRight');
    }
    // Focus is on a question (level 6): an answer with points of possible.
    const question = page.locator('[role="treeitem"][aria-level="6"]:focus');
    await visible(question);
    expect(await question.textContent()).toMatch(/\d+ \/ \d+/);
    await question.scrollIntoViewIfNeeded();
    await shot('02-company-breakdown');
    // Tablet: the tree scrolls sideways inside its card; the page does not.
    await page.setViewportSize({ width: 820, height: 1100 });
    await question.scrollIntoViewIfNeeded();
    // Charts redraw for the new width on their ResizeObserver, a moment after the resize.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5000 })
      .toBeLessThanOrEqual(820);
    await shot('02b-company-breakdown-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('explains one of the company’s contacts', async () => {
    const contacts = page.getByRole('region', { name: text('explain.contactsTitle') });
    await contacts.locator('button[aria-controls="explain-contacts-body"]').click();
    const table = contacts.getByRole('table', { name: text('explain.contactsCaption') });
    await visible(table);
    const first = table.getByRole('button', { name: /^Forklar kontakt / }).first();
    const label = (await first.getAttribute('aria-label')) ?? '';
    await first.click();
    const contactId = label.replace('Forklar kontakt ', '');
    const tree = contacts.getByRole('tree', { name: text('explain.contactTitle', { id: contactId }) });
    await visible(tree);
    // Opened two levels deep: the contact and its areas.
    await visible(tree.locator('[role="treeitem"][aria-level="3"]'));
    await tree.scrollIntoViewIfNeeded();
    await shot('02c-contact-breakdown');
  });

  it('flags the not like-for-like step on the comparable trend and lists what was left out', async () => {
    const steps = page.getByRole('table', { name: text('trend.stepsCaption') });
    await visible(steps);
    const ksp24 = steps.getByRole('row', { name: /KSP24/ });
    await visible(ksp24.getByText(text('changes.notLikeForLike')));
    await ksp24.locator('summary').click();
    await visible(ksp24.locator('.excluded-list li'));
    await visible(
      page.getByRole('figure', { name: text('trend.chartLabel') }).locator('.recharts-reference-dot'),
    );
    await page.getByLabel(text('trend.includeNonComparable')).check();
    await visible(steps.getByRole('row', { name: /KSP24/ }).getByText(/^[+−±]\d/));
    await page.getByRole('heading', { name: text('trend.title') }).scrollIntoViewIfNeeded();
    await shot('03-comparable-trend');
  });

  it('shows lineage marks for KSP24 under What changed', async () => {
    await page.goto(`${api.url}/editions/KSP24/changes`);
    const lineage = page.getByRole('table', { name: text('lineage.caption', { edition: 'KSP24' }) });
    await visible(lineage);
    await visible(lineage.getByText(text('lineage.mark.rescaled')));
    await visible(lineage.getByText(text('lineage.mark.reworded')));
    await visible(page.getByRole('heading', { name: text('lineage.retiredTitle') }));
    // Admins can change a mark.
    await visible(lineage.getByRole('button', { name: text('lineage.change') }));
    await page.getByRole('heading', { name: text('lineage.title') }).scrollIntoViewIfNeeded();
    await shot('04-lineage-marks');
  });

  it('re-scores KSP23 under KSP24’s rules', async () => {
    await page.goto(`${api.url}/results/what-if/KSP23?rules=KSP24`);
    const table = page.getByRole('table', {
      name: text('whatIf.caption', { edition: 'KSP23', rules: 'KSP24' }),
    });
    await visible(table);
    expect(await table.getByRole('row').count()).toBeGreaterThan(10);
    await shot('05-what-if');
  });

  it('shows the frozen KSP23 results with the corrected revision and the diff', async () => {
    await page.goto(`${api.url}/results/awards/KSP23`);
    const revisions = page.getByRole('table', { name: text('awards.revisionsTitle') });
    await visible(revisions);
    expect(await revisions.getByRole('row').count()).toBe(3);
    await visible(page.getByRole('heading', { name: text('awards.revisionTitle', { revision: 2 }) }));
    await visible(page.getByRole('heading', { name: text('awards.diffTitle') }));
    await shot('06-awards');
    await page.setViewportSize({ width: 820, height: 1100 });
    await shot('07-awards-tablet');
    expect(pageErrors).toEqual([]);
  });
});
