import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type Column, DataTable } from '../src/ui/DataTable';
import { renderWithApp } from './render';

interface Row {
  name: string;
  score: number | null;
}
const rows: Row[] = [
  { name: 'Østlandet, AS', score: 80.5 },
  { name: 'Agder', score: 92 },
  { name: 'Bergen "Vest"', score: null },
];
const columns: Column<Row>[] = [
  { key: 'name', header: 'Name', value: (r) => r.name },
  { key: 'score', header: 'Score', value: (r) => r.score, align: 'end' },
];

const firstColumn = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

describe('DataTable', () => {
  it('sorts by a column, then reverses on a second click, with nulls last', async () => {
    const user = userEvent.setup();
    renderWithApp(<DataTable caption="t" columns={columns} rows={rows} rowKey={(r) => r.name} />);
    await user.click(screen.getByRole('button', { name: /Score/ }));
    expect(firstColumn()).toEqual(['Østlandet, AS', 'Agder', 'Bergen "Vest"']);
    expect(screen.getByRole('columnheader', { name: /Score/ }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: /Score/ }));
    // Descending: 92 before 80.5; the empty score stays last in both directions.
    expect(firstColumn()).toEqual(['Agder', 'Østlandet, AS', 'Bergen "Vest"']);
  });

  it('exports the rows as currently sorted, quoting commas and quotes', async () => {
    const user = userEvent.setup();
    let csv = '';
    renderWithApp(
      <DataTable
        caption="t"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.name}
        initialSort={{ key: 'name', direction: 'asc' }}
        onExport={(text) => {
          csv = text;
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    // Sorted by name with Norwegian collation: Agder, Bergen, Østlandet (Ø sorts after Z in nb).
    expect(csv.split('\r\n')).toEqual([
      'Name,Score',
      'Agder,92',
      '"Bergen ""Vest""",',
      '"Østlandet, AS",80.5',
    ]);
  });

  it('exports a hostile company name as text, and negative numbers as numbers', async () => {
    const user = userEvent.setup();
    let csv = '';
    const hostile: Row[] = [
      { name: '=HYPERLINK("http://x","y")', score: -3.5 },
      { name: '@SUM(A1)', score: 1 },
    ];
    renderWithApp(
      <DataTable
        caption="t"
        columns={columns}
        rows={hostile}
        rowKey={(r) => r.name}
        onExport={(text) => {
          csv = text;
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(csv.split('\r\n')).toEqual([
      'Name,Score',
      `"'=HYPERLINK(""http://x"",""y"")",-3.5`,
      "'@SUM(A1),1",
    ]);
  });
});
