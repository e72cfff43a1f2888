import { type ReactNode, useId, useMemo, useRef, useState } from 'react';
import {
  allRowIds,
  type ExplanationFlags,
  type ExplanationRow,
  hasUnloadedChildren,
  localizeEffect,
  withLoadedRows,
} from '../../adapters/explanationFromApi';
import { formatNumber, formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nb';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import './ExplanationTree.css';

interface ExplanationTreeProps {
  /** Accessible name of the tree. */
  label: string;
  rows: readonly ExplanationRow[];
  /** Levels open at first (1 = the roots show their children). */
  openDepth?: number;
  /**
   * The rows below a row the API left out of its bounded answer (`childCount` above the rows received), asked
   * for when the row is opened. Without it such rows cannot be opened.
   */
  loadChildren?: (rowId: string) => Promise<ExplanationRow[]>;
}

/** Rows loaded below other rows, for the `rows` they were loaded for (new rows start afresh). */
interface Loaded {
  for: readonly ExplanationRow[];
  below: ReadonlyMap<string, ExplanationRow[]>;
}

interface Visible {
  row: ExplanationRow;
  level: number;
  parentId: string | null;
}

function visibleRows(
  rows: readonly ExplanationRow[],
  open: Set<string>,
  level = 1,
  parentId: string | null = null,
): Visible[] {
  return rows.flatMap((row) => [
    { row, level, parentId },
    ...(row.children.length > 0 && open.has(row.id)
      ? visibleRows(row.children, open, level + 1, row.id)
      : []),
  ]);
}

function idsToDepth(rows: readonly ExplanationRow[], depth: number): string[] {
  if (depth <= 0) return [];
  return rows.flatMap((row) => [row.id, ...idsToDepth(row.children, depth - 1)]);
}

const FLAG_TONES: Array<[keyof ExplanationFlags, BadgeTone]> = [
  ['criticalTriggered', 'danger'],
  ['critical', 'warning'],
  ['bonus', 'success'],
  ['notApplicable', 'neutral'],
  ['unanswered', 'warning'],
  ['shadowOnly', 'info'],
];

/**
 * A score explanation as an ARIA tree (answer → points/possible → question → performance → area → contact →
 * channel → company). ↑/↓ move, →/← open or close a level (or go to the first child / the parent), Home/End,
 * Enter and Space toggle. Only open levels are rendered, and rows the API left out of its bounded answer are
 * loaded when their parent is first opened (`loadChildren`), so a company's ~1 500 rows never come at once.
 */
export function ExplanationTree({ label, rows: given, openDepth = 1, loadChildren }: ExplanationTreeProps) {
  const { t, locale } = useI18n();
  const [loadedState, setLoaded] = useState<Loaded>({ for: given, below: new Map() });
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());
  const loaded = loadedState.for === given ? loadedState.below : null;
  const rows = useMemo(() => (loaded ? withLoadedRows(given, loaded) : given), [given, loaded]);
  const [open, setOpen] = useState<Set<string>>(() => new Set(idsToDepth(given, openDepth)));
  const [focusedId, setFocusedId] = useState<string | null>(rows[0]?.id ?? null);
  const refs = useRef(new Map<string, HTMLElement>());
  const idBase = useId();
  // A DOM id per row: each treeitem is named by its own label, not by its whole subtree's text.
  const domId = (rowId: string) => `${idBase}${rowId.replace(/[^\w-]/g, (c) => `_${c.charCodeAt(0)}_`)}`;
  const visible = useMemo(() => visibleRows(rows, open), [rows, open]);
  const positions = useMemo(() => new Map(visible.map((v, index) => [v.row.id, index])), [visible]);

  const focus = (id: string) => {
    setFocusedId(id);
    refs.current.get(id)?.focus();
  };
  const setRowOpen = (id: string, next: boolean) =>
    setOpen((current) => {
      const copy = new Set(current);
      if (next) copy.add(id);
      else copy.delete(id);
      return copy;
    });
  const without = (set: ReadonlySet<string>, id: string) => new Set([...set].filter((other) => other !== id));
  const canOpen = (row: ExplanationRow) =>
    row.children.length > 0 || (row.childCount > 0 && loadChildren !== undefined);
  const isOpen = (row: ExplanationRow) => open.has(row.id) && row.children.length > 0;
  /** Opens or closes a row; opening one whose rows below were left out of the answer loads them first. */
  const toggle = (row: ExplanationRow, next?: boolean) => {
    const opening = next ?? !isOpen(row);
    if (!opening || !hasUnloadedChildren(row) || row.children.length > 0) return setRowOpen(row.id, opening);
    if (!loadChildren || loading.has(row.id)) return;
    setLoading((current) => new Set(current).add(row.id));
    setFailed((current) => without(current, row.id));
    loadChildren(row.id)
      .then(
        (children) => {
          setLoaded((current) => ({
            for: given,
            below: new Map(current.for === given ? current.below : []).set(row.id, children),
          }));
          setRowOpen(row.id, true);
        },
        // Shown on the row; opening it again retries.
        () => setFailed((current) => new Set(current).add(row.id)),
      )
      .finally(() => setLoading((current) => without(current, row.id)));
  };

  const onKeyDown = (event: React.KeyboardEvent, item: Visible, position: number) => {
    const { row } = item;
    const hasChildren = canOpen(row);
    const opened = isOpen(row);
    const go = (target: Visible | undefined) => {
      event.preventDefault();
      if (target) focus(target.row.id);
    };
    switch (event.key) {
      case 'ArrowDown':
        return go(visible[position + 1]);
      case 'ArrowUp':
        return go(visible[position - 1]);
      case 'Home':
        return go(visible[0]);
      case 'End':
        return go(visible[visible.length - 1]);
      case 'ArrowRight':
        event.preventDefault();
        if (hasChildren && !opened) toggle(row, true);
        else if (opened && row.children[0]) focus(row.children[0].id);
        return;
      case 'ArrowLeft':
        event.preventDefault();
        if (opened) toggle(row, false);
        else if (item.parentId) focus(item.parentId);
        return;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (hasChildren) toggle(row);
        return;
    }
  };

  const number = (value: number | null) => (value === null ? '–' : formatNumber(value, locale, 2));

  const renderRows = (items: readonly ExplanationRow[], level: number, parentId: string | null): ReactNode =>
    items.map((row, index) => {
      const position = positions.get(row.id) ?? -1;
      const item = visible[position] ?? { row, level, parentId };
      const hasChildren = canOpen(row);
      const opened = isOpen(row);
      const busy = loading.has(row.id);
      const effects = row.effects.map((effect) => localizeEffect(effect, t, locale));
      const base = domId(row.id);
      return (
        <li
          key={row.id}
          role="treeitem"
          aria-level={level}
          aria-setsize={items.length}
          aria-posinset={index + 1}
          aria-expanded={hasChildren ? opened : undefined}
          aria-busy={busy || undefined}
          aria-labelledby={`${base}-l`}
          aria-describedby={effects.length > 0 ? `${base}-d ${base}-e` : `${base}-d`}
          tabIndex={focusedId === row.id ? 0 : -1}
          className={row.counted ? 'xtree-item' : 'xtree-item is-not-counted'}
          ref={(element) => {
            if (element) refs.current.set(row.id, element);
            else refs.current.delete(row.id);
          }}
          onKeyDown={(event) => {
            if (event.target === event.currentTarget) onKeyDown(event, item, position);
          }}
          onFocus={(event) => {
            if (event.target === event.currentTarget) setFocusedId(row.id);
          }}
        >
          {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: the row is the treeitem's visual part; its keys are handled on the treeitem */}
          <div
            className="xtree-row"
            style={{ paddingLeft: `calc(${level - 1} * 20px + 4px)` }}
            onClick={() => {
              focus(row.id);
              if (hasChildren) toggle(row);
            }}
          >
            <span className="xtree-toggle" aria-hidden="true">
              {busy ? '…' : hasChildren ? (opened ? '▾' : '▸') : ''}
            </span>
            <span className="xtree-main">
              <span className="xtree-label">
                <span id={`${base}-l`} className="xtree-title">
                  <span className="xtree-kind">{t(`explain.kind.${row.kind}` as MessageKey)}</span>
                  <span className="visually-hidden">: </span>
                  <span className="xtree-name">{row.label}</span>
                </span>
                {FLAG_TONES.filter(([flag]) => row.flags[flag])
                  .filter(([flag]) => !(flag === 'critical' && row.flags.criticalTriggered))
                  .map(([flag, tone]) => (
                    <Badge key={flag} tone={tone}>
                      {t(`explain.flag.${flag}` as MessageKey)}
                    </Badge>
                  ))}
                {!row.counted && <Badge>{t('explain.notCounted')}</Badge>}
                {failed.has(row.id) && (
                  <span role="alert" className="xtree-failed">
                    {t('explain.rowsFailed')}
                  </span>
                )}
              </span>
              {effects.length > 0 && (
                <ul className="xtree-effects" id={`${base}-e`}>
                  {effects.map((effect, i) => (
                    <li key={`${row.effects[i]?.code}-${i}`}>{effect}</li>
                  ))}
                </ul>
              )}
            </span>
            <span id={`${base}-d`} className="xtree-cells">
              <span className="xtree-cell xtree-answer">
                <span className="visually-hidden">{t('explain.column.answer')}: </span>
                {answerText(row, t, locale)}
              </span>
              <span className="xtree-cell">
                <span className="visually-hidden">{t('explain.column.points')}: </span>
                {row.points !== null || row.possible !== null
                  ? `${number(row.points)} / ${number(row.possible)}`
                  : row.n !== null
                    ? t('explain.contacts', { count: row.n })
                    : ''}
              </span>
              <span className="xtree-cell xtree-score">
                <span className="visually-hidden">{t('explain.column.score')}: </span>
                {formatScore(row.score, locale)}
                {row.score === null && row.shadowScore !== null && (
                  <span className="muted">
                    {' '}
                    ({t('explain.shadow', { score: formatScore(row.shadowScore, locale) })})
                  </span>
                )}
              </span>
              <span className="xtree-cell">
                <span className="visually-hidden">{t('explain.column.weight')}: </span>
                {row.weight === null ? '' : number(row.weight)}
              </span>
              <span className="xtree-cell">
                <span className="visually-hidden">{t('explain.column.contribution')}: </span>
                {row.contribution === null ? '' : formatScore(row.contribution, locale)}
              </span>
            </span>
          </div>
          {opened && (
            // biome-ignore lint/a11y/useSemanticElements: role=group is the ARIA tree pattern for nested items
            <ul role="group">{renderRows(row.children, level + 1, row.id)}</ul>
          )}
        </li>
      );
    });

  return (
    <div className="xtree">
      <div className="xtree-tools">
        <Button size="sm" onClick={() => setOpen(new Set(allRowIds(rows)))}>
          {t('explain.expandAll')}
        </Button>
        <Button size="sm" onClick={() => setOpen(new Set())}>
          {t('explain.collapseAll')}
        </Button>
        <span className="muted xtree-help">{t('explain.help')}</span>
      </div>
      <div className="xtree-scroll">
        <div className="xtree-head" aria-hidden="true">
          <span />
          <span>{t('explain.column.item')}</span>
          <span>{t('explain.column.answer')}</span>
          <span>{t('explain.column.points')}</span>
          <span>{t('explain.column.score')}</span>
          <span>{t('explain.column.weight')}</span>
          <span>{t('explain.column.contribution')}</span>
        </div>
        {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ul role=tree is the ARIA tree pattern */}
        <ul role="tree" aria-label={label} className="xtree-root">
          {renderRows(rows, 1, null)}
        </ul>
      </div>
    </div>
  );
}

function answerText(
  row: ExplanationRow,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
  locale: 'nb' | 'en',
): string {
  if (row.kind === 'question') {
    if (row.status === 'waitingTime' && row.waitingTime !== null)
      return t('explain.waitingTime', { time: formatNumber(row.waitingTime, locale) });
    if (row.optionLabel) return row.optionLabel;
  }
  if (!row.status) return '';
  const key = `explain.status.${row.status}` as MessageKey;
  return key in STATUS_KEYS ? t(key) : row.status;
}

const STATUS_KEYS: Record<string, true> = Object.fromEntries(
  [
    'answered',
    'waitingTime',
    'notApplicable',
    'notAnswered',
    'contactUnanswered',
    'weighted',
    'points',
    'unanswered',
    'criticalContact',
    'nothingScorable',
  ].map((status) => [`explain.status.${status}`, true]),
);
