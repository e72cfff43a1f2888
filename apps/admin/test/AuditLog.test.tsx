import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { type AuditFilters, AuditLog, noAuditFilters } from '../src/features/audit/AuditLog';
import { jsonDiff } from '../src/features/audit/jsonDiff';
import { ErrorState, Loading } from '../src/ui/StateViews';
import { auditEntries } from './fixtures/sampleData';
import { renderWithApp } from './render';

const renderLog = (props: Partial<Parameters<typeof AuditLog>[0]> = {}) => {
  const handlers = { onFiltersChange: vi.fn(), onNext: vi.fn(), onPrevious: vi.fn() };
  renderWithApp(
    <AuditLog
      entries={auditEntries}
      totalCount={60}
      actors={[
        { id: 'VXNlcjox', name: 'Anna Admin' },
        { id: 'VXNlcjoy', name: 'Ola Admin' },
      ]}
      filters={noAuditFilters}
      page={1}
      pageSize={25}
      hasNext
      {...handlers}
      {...props}
    />,
  );
  return handlers;
};

describe('AuditLog', () => {
  it('lists when, who, action and item per entry, newest first as given', () => {
    renderLog();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0] as HTMLElement).getByText('option.update')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('KSP25/welcome_easy_contact/yes')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('Anna Admin')).toBeTruthy();
    // No actor: a script or the system.
    expect(within(rows[2] as HTMLElement).getByText('System')).toBeTruthy();
  });

  it('expands an entry into the fields that changed, before and after', async () => {
    const user = userEvent.setup();
    renderLog();
    const toggle = screen.getAllByRole('button', { name: 'Show change' })[1] as HTMLElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const diff = screen.getByRole('table', { name: 'Before and after for KSP25/engagement' });
    const rows = within(diff).getAllByRole('row').slice(1);
    // Only the Norwegian name changed; version is bookkeeping and left out.
    expect(rows.map((r) => r.textContent)).toEqual(['name.nbEngasjementEngasjert agent']);
    await user.click(screen.getByRole('button', { name: 'Hide change' }));
    expect(screen.queryByRole('table', { name: /Before and after/ })).toBeNull();
  });

  it('applies the filters together when the form is sent, and resets them', async () => {
    const user = userEvent.setup();
    const { onFiltersChange } = renderLog();
    await user.selectOptions(screen.getByLabelText('Type'), 'Performance');
    await user.type(screen.getByLabelText('Action'), 'performance.update');
    await user.selectOptions(screen.getByLabelText('Who'), 'Ola Admin');
    await user.type(screen.getByLabelText('From date'), '2025-01-02');
    expect(onFiltersChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    expect(onFiltersChange).toHaveBeenLastCalledWith({
      entityType: 'Performance',
      action: 'performance.update',
      actorId: 'VXNlcjoy',
      from: '2025-01-02',
      to: '',
    } satisfies AuditFilters);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(onFiltersChange).toHaveBeenLastCalledWith(noAuditFilters);
  });

  it('pages forward and back, and says where it is', async () => {
    const user = userEvent.setup();
    const { onNext } = renderLog();
    expect(screen.getByText('Page 1 of 3 · 60 changes')).toBeTruthy();
    expect((screen.getByRole('button', { name: /Previous/ }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(onNext).toHaveBeenCalledOnce();
  });

  it('says so when no entry matches', () => {
    renderLog({ entries: [], totalCount: 0, hasNext: false });
    expect(screen.getByText('No changes match the filter.')).toBeTruthy();
  });
});

describe('jsonDiff', () => {
  it('lists added, removed and changed fields by dotted path', () => {
    expect(jsonDiff(null, { key: 'a', name: { nb: 'A' } })).toEqual([
      { path: 'key', before: null, after: 'a' },
      { path: 'name.nb', before: null, after: 'A' },
    ]);
    expect(jsonDiff({ points: 1, bands: [1, 2] }, { points: 1, bands: [1, 3] })).toEqual([
      { path: 'bands', before: '[1,2]', after: '[1,3]' },
    ]);
  });
});

describe('state views', () => {
  it('announce loading and errors, with a retry', async () => {
    let retried = 0;
    renderWithApp(
      <>
        <Loading />
        <ErrorState
          onRetry={() => {
            retried++;
          }}
        />
      </>,
    );
    expect(screen.getByRole('status').textContent).toContain('Loading');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retried).toBe(1);
  });
});
