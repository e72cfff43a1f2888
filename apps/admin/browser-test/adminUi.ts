import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { MessageKey } from '../src/i18n/nb';
import { text } from './messages';

/** Where the browser tests put their screenshots. */
export const shotsDir = resolve(import.meta.dirname, '../test-results/browser');

/** The seed's admin. */
export const ADMIN = { email: 'admin@example.org', password: 'demo-password' };

export const byOrder = <T extends { order: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.order - b.order);

/**
 * The admin app's common moves, for a page made later (in beforeAll): `page` is asked for on each call.
 * Labels come from the app's messages (`text`), roles before CSS.
 */
export function adminUi(page: () => Page) {
  const visible = (selector: Locator) => selector.first().waitFor({ state: 'visible' });
  return {
    visible,
    shot: (name: string) => page().screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true }),
    toast: (message: string) => page().locator('.toast', { hasText: message }).first().waitFor(),
    menu: (key: MessageKey) =>
      page()
        .getByRole('navigation', { name: text('nav.main') })
        .getByRole('link', { name: text(key), exact: true }),
    /** A node of the editor's tree by its shown label. */
    treeRow: (label: string) => page().locator('.tree-label').getByText(label, { exact: true }),
    save: () =>
      page()
        .getByRole('button', { name: text('common.save') })
        .click(),
    allSaved: () => visible(page().getByText(text('editor.allSaved'))),
    /** Signs in through the sign-in screen and waits for the editions list. */
    signIn: async (url: string, user: { email: string; password: string }) => {
      await page().goto(url);
      await page().getByLabel(text('signIn.email')).fill(user.email);
      await page().getByLabel(text('signIn.password')).fill(user.password);
      await page()
        .getByRole('button', { name: text('signIn.submit') })
        .click();
      await visible(page().getByRole('heading', { name: text('editions.title'), level: 1 }));
    },
  };
}
