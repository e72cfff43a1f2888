import { posix } from 'node:path';
import { XlsxFormatError } from './xlsx-format-error';
import type { XlsxZip } from './xlsx-zip';
import { parseXml } from './xml-stream';

/** The parts of a workbook a row reader needs, found the way the format defines (workbook.xml and its relationships). */
export interface WorkbookParts {
  /** The first worksheet in the workbook's tab order. */
  firstSheet: string;
  sharedStrings: string | null;
  styles: string | null;
  /** Dates count from 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  date1904: boolean;
}

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** A relationship target → the zip path (targets are relative to xl/ unless they start with /). */
const partPath = (target: string) =>
  target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));

/** `maxPartBytes`: the most workbook.xml and its relationships may unpack to. */
export async function readWorkbookParts(zip: XlsxZip, maxPartBytes: number): Promise<WorkbookParts> {
  const targets = new Map<string, string>();
  const byType = new Map<string, string>();
  if (zip.has('xl/_rels/workbook.xml.rels'))
    await parseXml(await zip.openText('xl/_rels/workbook.xml.rels', maxPartBytes), {
      open(name, attributes) {
        if (name !== 'Relationship' || !attributes.Id || !attributes.Target) return;
        const path = partPath(attributes.Target);
        targets.set(attributes.Id, path);
        byType.set((attributes.Type ?? '').replace(RELATIONSHIP, ''), path);
      },
    });

  const sheetIds: string[] = [];
  let date1904 = false;
  if (zip.has('xl/workbook.xml'))
    await parseXml(await zip.openText('xl/workbook.xml', maxPartBytes), {
      open(name, attributes) {
        if (name === 'sheet') {
          const id =
            attributes['r:id'] ?? Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1];
          if (id) sheetIds.push(id);
        } else if (name === 'workbookPr') {
          date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
        }
      },
    });

  const firstSheet = [sheetIds[0] && targets.get(sheetIds[0]), 'xl/worksheets/sheet1.xml'].find(
    (path): path is string => typeof path === 'string' && zip.has(path),
  );
  if (!firstSheet) throw new XlsxFormatError('it has no worksheet');
  const existing = (path: string | undefined) => (path && zip.has(path) ? path : null);
  return {
    firstSheet,
    sharedStrings: existing(byType.get('sharedStrings') ?? 'xl/sharedStrings.xml'),
    styles: existing(byType.get('styles') ?? 'xl/styles.xml'),
    date1904,
  };
}
