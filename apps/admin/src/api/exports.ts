import type { Locale } from '@ksp/domain';
import { useState } from 'react';
import { useSession } from '../auth/session';

/** Which file: an edition's results workbook, or one company's participant report. */
export type ExportTarget =
  | { kind: 'results'; editionKey: string }
  | { kind: 'company'; editionKey: string; companyKey: string };

// The download paths come from the API (Edition.exportLinks), so the app never builds them itself.
const EXPORT_LINKS = `query ExportLinks($key: String!, $locale: Locale!, $companyKey: String!, $company: Boolean!) {
  edition(key: $key) {
    exportLinks(locale: $locale) {
      resultsXlsx @skip(if: $company)
      companyReport(companyKey: $companyKey) @include(if: $company)
    }
  }
}`;

/** The button's texts; kept here so the export stays one small addition to the two screens. */
export const EXPORT_LABELS: Record<Locale, { results: string; company: string; failed: string }> = {
  nb: { results: 'Last ned Excel', company: 'Last ned rapport (Excel)', failed: 'Nedlastingen feilet' },
  en: { results: 'Download Excel', company: 'Download report (Excel)', failed: 'The download failed' },
};

async function exportPath(token: string, target: ExportTarget, locale: Locale): Promise<string> {
  const company = target.kind === 'company';
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: EXPORT_LINKS,
      variables: { key: target.editionKey, locale, companyKey: company ? target.companyKey : '', company },
    }),
  });
  const body = (await response.json()) as {
    data?: { edition: { exportLinks: { resultsXlsx?: string; companyReport?: string } } | null };
    errors?: { message: string }[];
  };
  const links = body.data?.edition?.exportLinks;
  const path = company ? links?.companyReport : links?.resultsXlsx;
  if (!path) throw new Error(body.errors?.[0]?.message ?? `no export for ${target.editionKey}`);
  return path;
}

/** The file name the server sent (Content-Disposition), else a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** Fetches an export with the session's bearer token and saves it through a blob link. */
export async function downloadExport(token: string, target: ExportTarget, locale: Locale): Promise<void> {
  const path = await exportPath(token, target, locale);
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, `${target.editionKey}.xlsx`);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A download for the export buttons: null outside a signed-in session (the views also render without one,
 * e.g. in component tests), else `start()` with a busy flag and the last error message.
 */
export function useExportDownload(target: ExportTarget, locale: Locale) {
  let token: string | null = null;
  try {
    token = useSession().session?.token ?? null;
  } catch {
    token = null;
  }
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!token) return null;
  const signedIn = token;
  return {
    busy,
    error,
    start: async () => {
      setBusy(true);
      setError(null);
      try {
        await downloadExport(signedIn, target, locale);
      } catch (failure) {
        setError(`${EXPORT_LABELS[locale].failed}: ${(failure as Error).message}`);
      } finally {
        setBusy(false);
      }
    },
  };
}
