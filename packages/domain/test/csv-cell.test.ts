import { describe, expect, it } from 'vitest';
import { escapeCsvCell, unescapeCsvCell } from '../src';

describe('escapeCsvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+47 22 00 00 00', `'+47 22 00 00 00`],
    ['-3.5', `'-3.5`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('prefixes %j with an apostrophe', (text, escaped) => {
    expect(escapeCsvCell(text)).toBe(escaped);
  });

  it.each(['Telenor', '', ' =1+1', "'quoted", 'a=b', '3.5', 'æøå'])('keeps %j as it is', (text) => {
    expect(escapeCsvCell(text)).toBe(text);
  });

  it('reads back every text it wrote, and leaves other apostrophes alone', () => {
    for (const text of ['=1+1', '-', '@x', '\tx', 'plain', "'=already quoted by a person", "'plain"])
      expect(unescapeCsvCell(escapeCsvCell(text))).toBe(text);
    expect(unescapeCsvCell("'plain")).toBe("'plain");
    expect(escapeCsvCell("'=x")).toBe("''=x");
  });
});
