import { type MessageKey, nb } from '../src/i18n/nb';

/** The app's bokmål text for a message key, so the test finds what users see without copying strings. */
export function text(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return nb[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
