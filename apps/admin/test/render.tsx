import type { Locale } from '@ksp/domain';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { I18nProvider } from '../src/i18n/I18nProvider';
import { ToastProvider } from '../src/ui/Toasts';

/** Renders a component with the app's providers (language, toasts, an in-memory router). */
export function renderWithApp(
  ui: ReactElement,
  { locale = 'en', path = '/' }: { locale?: Locale; path?: string } = {},
) {
  const location = memoryLocation({ path, record: true });
  const result = render(
    <I18nProvider locale={locale}>
      <ToastProvider>
        <Router hook={location.hook}>{ui}</Router>
      </ToastProvider>
    </I18nProvider>,
  );
  return { ...result, location };
}
