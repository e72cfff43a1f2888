// Screenshots of the dev-only preview gallery (sample data, no API) for design review:
// start `pnpm dev` first, then `tsx browser-test/screenshot-preview.ts [baseUrl]`.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { launchOptions } from './chromium';

const base = process.argv[2] ?? 'http://127.0.0.1:5173';
const out = new URL('../test-results/preview/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const screens = [
  'sign-in',
  'editions',
  'editor',
  'changes',
  'results',
  'results-ties',
  'company',
  'observer',
  'audit',
];
const browser = await chromium.launch(launchOptions);
for (const [width, label] of [
  [1280, 'desktop'],
  [820, 'tablet'],
] as const) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const screen of screens) {
    await page.goto(`${base}/preview.html?screen=${screen}`);
    await page.waitForLoadState('networkidle');
    if (screen === 'observer') await page.getByLabel('Kanal', { exact: true }).selectOption('chat');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}${screen}-${label}.png`, fullPage: false });
  }
  await page.close();
}
await browser.close();
console.log(`Screenshots in ${out}`);
