import {
  addItem,
  applyDraftEdits,
  byOrder,
  draftEditsBetween,
  type Edition,
  type ItemRef,
  KSP_CHANNELS,
  locate,
  moveToIndex,
  questionsOnChannel,
  removeChannel,
  removeItem,
  replaceItem,
  siblingPosition,
  takenKeys,
  textIn,
  type ValidationIssue,
} from '@ksp/domain';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge, StatusBadge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/StateViews';
import { type TreeNode, TreeView } from '../../ui/TreeView';
import { AddChannelDialog } from './AddChannelDialog';
import { AreaPanel } from './AreaPanel';
import { ChannelRulesPanel } from './ChannelRulesPanel';
import { ItemActions } from './ItemActions';
import { MoveToDialog } from './MoveToDialog';
import { countMissing, countMissingInEdition } from './missingTranslations';
import { addArea, addOption, addPerformance, addQuestion } from './newItems';
import { PerformancePanel } from './PerformancePanel';
import { QuestionPanel } from './QuestionPanel';
import { ScoringPanel } from './ScoringPanel';
import './SurveyEditor.css';
import { definitionIssueText } from './issueText';
import { TreeSearch } from './TreeSearch';
import { currentNodeId, dropPlace, moveNodeInto, movesBetweenParents, moveTargets } from './treeMoves';
import { contentsOf, findNode, nodeId, parseNodeId, placeOfPath, refOfNode } from './treeNodes';
import { filterTree, matchingNodeIds } from './treeSearch';
import { hasOwnUndo, useUndoShortcuts } from './undoShortcuts';
import { useDraftHistory } from './useDraftHistory';
import { useLeaveGuard } from './useLeaveGuard';

interface SurveyEditorProps {
  /** The definition as stored. Give the component a new `key` when a newer version is loaded. */
  edition: Edition;
  /** Start from these unsaved changes instead of `edition` (after a save that stopped halfway). */
  initialDraft?: Edition;
  readOnly: boolean;
  saving?: boolean;
  /** The conflict banner of the last save (while shown, saving waits for its choice). */
  conflict?: ReactNode;
  /** Problems the server reported for the last save. */
  serverIssues?: readonly ValidationIssue[];
  /**
   * Saves the draft. `afterSaved` (when given) is to be called once the save succeeded: the leave dialog's
   * Save goes on to the screen the user asked for then.
   */
  onSave: (draft: Edition, afterSaved?: () => void) => void;
  /** The selected tree node, when the page keeps it (so it outlives a reload of the editor after a save). */
  selectedId?: string | null;
  onSelectedIdChange?: (id: string | null) => void;
}

type Tab = 'structure' | 'channels' | 'scoring';
const TABS: readonly Tab[] = ['structure', 'channels', 'scoring'];

/** The text field being typed in, so its keystrokes make one undo step; undefined for other edits. */
const typingField = () => (hasOwnUndo(document.activeElement) ? document.activeElement : undefined);

export function SurveyEditor({
  edition,
  initialDraft,
  readOnly,
  saving,
  conflict,
  serverIssues = [],
  onSave,
  selectedId: keptSelectedId,
  onSelectedIdChange,
}: SurveyEditorProps) {
  const { t, locale } = useI18n();
  const history = useDraftHistory(initialDraft ?? edition);
  const { draft } = history;
  const root = useRef<HTMLDivElement>(null);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const [removingChannel, setRemovingChannel] = useState<string | null>(null);
  const [addingChannel, setAddingChannel] = useState(false);
  const [movingId, setMovingId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [tab, setTab] = useState<Tab>('structure');
  const firstArea = byOrder(edition.areas)[0];
  const [ownSelectedId, setOwnSelectedId] = useState<string | null>(
    firstArea ? nodeId('area', firstArea.key) : null,
  );
  // The page's selection wins (it outlives a remount after a save); the editor's own is the fallback. Either
  // follows its item when an edit or undo moves it to another parent (its node id is its path).
  const wantedId = keptSelectedId === undefined ? ownSelectedId : keptSelectedId;
  const selectedId =
    wantedId === null ? null : (currentNodeId(draft, wantedId) ?? currentNodeId(draft, ownSelectedId));
  const setSelectedId = (id: string | null) => {
    setOwnSelectedId(id);
    onSelectedIdChange?.(id);
  };

  const dirty = draft !== edition;
  // What a save would send (the domain's edits between stored and draft; edited and edited back is none),
  // and what the server would refuse: the same domain check (problems the edits introduce), before sending.
  const edits = useMemo(
    () => (dirty ? draftEditsBetween(edition, draft, () => 0) : []),
    [edition, draft, dirty],
  );
  const changed = edits.length > 0;
  const issues = useMemo(
    () => (changed ? applyDraftEdits(edition, edits).problems : []),
    [edition, edits, changed],
  );
  const pending = edits.length;
  // After following a problem, once the panel shows its item: focus the marked field (else the first one).
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest === 0) return;
    const panel = document.querySelector('.editor-panel');
    (
      panel?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? panel?.querySelector<HTMLElement>('input')
    )?.focus();
  }, [focusRequest]);
  /** The problems at a field of the draft (`areas[1].weight`, and below it), worded: marks that field. */
  const errorAt = (path: string): string | undefined =>
    [...issues, ...serverIssues]
      .filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))
      .map((issue) => definitionIssueText(t, issue))
      .join(' ') || undefined;
  /** The same for a field of an item, by the item's place in the draft. */
  const itemErrorAt = (ref: ItemRef) => {
    const itemPath = locate(draft, ref)?.path;
    return (field: string) => (itemPath ? errorAt(`${itemPath}.${field}`) : undefined);
  };
  /** Shows where a problem is: its tab and tree node selected, the first marked field focused. */
  const showIssue = (path: string) => {
    const place = placeOfPath(draft, path);
    setTab(place.tab);
    if (place.nodeId) setSelectedId(place.nodeId);
    setFocusRequest((n) => n + 1);
  };
  const canSave = changed && issues.length === 0 && !conflict;
  // Leaving the page (reload, close, another site) with unsaved changes asks first.
  useEffect(() => {
    if (!changed || readOnly) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changed, readOnly]);
  // Another screen of the app asks first too: save, discard or stay.
  const leaveGuard = useLeaveGuard(changed && !readOnly);
  useUndoShortcuts(root, !readOnly, history);
  // Leaving a field ends its typing step, so the next edit there is a step of its own.
  const { closeStep } = history;
  useEffect(() => {
    const element = root.current;
    element?.addEventListener('focusout', closeStep);
    return () => element?.removeEventListener('focusout', closeStep);
  }, [closeStep]);
  const missingCount = useMemo(() => countMissingInEdition(draft), [draft]);
  const locales = draft.locales;

  const nodes = useMemo<TreeNode[]>(() => {
    const label = (text: Edition['areas'][number]['name'], key: string) => textIn(text, locale) || key;
    const missingBadge = (count: number) =>
      count > 0 ? (
        <Badge tone="danger">
          <span aria-hidden="true">⚠ {count}</span>
          <span className="visually-hidden">{t('editor.missingCount', { count })}</span>
        </Badge>
      ) : null;
    return byOrder(draft.areas).map((area) => ({
      id: nodeId('area', area.key),
      label: label(area.name, area.key),
      meta: (
        <>
          {area.counting !== 'scored' && <Badge tone="info">{t(`counting.${area.counting}`)}</Badge>}
          {missingBadge(countMissing({ area }, locales))}
        </>
      ),
      children: byOrder(area.performances).map((performance) => ({
        id: nodeId('performance', area.key, performance.key),
        label: label(performance.name, performance.key),
        meta: missingBadge(countMissing({ performance }, locales)),
        children: byOrder(performance.questions).map((question) => ({
          id: nodeId('question', area.key, performance.key, question.key),
          label: label(question.text, question.key),
          meta: (
            <>
              <span className="channel-chips">
                {question.channels.map((channel) => (
                  <span key={channel} className="chip" title={channel}>
                    {(KSP_CHANNELS as readonly string[]).includes(channel)
                      ? t(`channelShort.${channel as (typeof KSP_CHANNELS)[number]}`)
                      : channel}
                  </span>
                ))}
              </span>
              {missingBadge(countMissing({ question }, locales))}
            </>
          ),
          children: byOrder(question.options).map((option) => ({
            id: nodeId('option', area.key, performance.key, question.key, option.key),
            label: label(option.label, option.key),
            meta:
              option.points !== null ? (
                <span className="muted points-meta">
                  {t('editor.pointsShort', { points: option.points })}
                </span>
              ) : null,
          })),
        })),
      })),
    }));
  }, [draft, locale, locales, t]);

  const matches = useMemo(() => matchingNodeIds(draft, query), [draft, query]);
  const shownNodes = useMemo(
    () =>
      query.trim()
        ? filterTree(nodes, matches, (node) => <mark className="search-hit">{node.label}</mark>)
        : nodes,
    [nodes, matches, query],
  );
  const searching = query.trim() !== '';

  const selected = selectedId ? findNode(draft, selectedId) : null;
  const edit = (next: Edition) => history.edit(next, typingField());
  const nameOf = (id: string) => {
    const found = findNode(draft, id);
    const text =
      found.level === 'option'
        ? found.option?.label
        : found.level === 'question'
          ? found.question?.text
          : found.level === 'performance'
            ? found.performance?.name
            : found.area?.name;
    return (text && textIn(text, locale)) || parseNodeId(id).keys.at(-1) || id;
  };
  /** Selects a node and puts keyboard focus on it in the tree (after a move, so it stays in hand). */
  const selectAndFocus = (id: string) => {
    setSelectedId(id);
    requestAnimationFrame(() =>
      [...(root.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])]
        .find((item) => item.dataset.nodeId === id)
        ?.focus(),
    );
  };
  const moveInto = (id: string, intoId: string, beforeId?: string) => {
    const moved = moveNodeInto(draft, id, intoId, beforeId);
    edit(moved.edition);
    selectAndFocus(moved.id);
    setAnnouncement(t('editor.movedTo', { target: nameOf(intoId) }));
  };
  const requestRemove = (id: string) => setRemoving({ id, name: nameOf(id) });
  const confirmRemove = () => {
    if (!removing) return;
    const { level, keys } = parseNodeId(removing.id);
    const ref = refOfNode(removing.id);
    if (locate(draft, ref)) edit(removeItem(draft, ref));
    // Select what held the removed item (the question, for an option).
    const parentLevel = {
      area: null,
      performance: 'area',
      question: 'performance',
      option: 'question',
    } as const;
    const parent = parentLevel[level];
    if (level !== 'option') setSelectedId(parent ? nodeId(parent, ...keys.slice(0, -1)) : null);
    setRemoving(null);
  };
  /** Where a node stands among its siblings; index -1 when it is not in the draft. */
  const positionOf = (id: string) => siblingPosition(draft, refOfNode(id)) ?? { index: -1, count: 0 };
  const moveBy = (id: string, delta: number) => {
    const { index, count } = positionOf(id);
    const to = index + delta;
    if (index >= 0 && to >= 0 && to < count) edit(moveToIndex(draft, refOfNode(id), to));
  };

  /** The node the item actions (move, remove) work on: the question when one of its options is selected. */
  const actionId =
    selected && selectedId
      ? selected.level === 'option'
        ? nodeId('question', ...selected.keys.slice(0, 3))
        : selectedId
      : null;

  const panel = () => {
    if (!selected) return <p className="muted">{t('editor.selectHint')}</p>;
    const { keys, area, performance, question } = selected;
    if ((selected.level === 'question' || selected.level === 'option') && question) {
      const questionPath = keys.slice(0, 3);
      return (
        <QuestionPanel
          question={question}
          channels={byOrder(draft.channels)}
          locales={locales}
          errorAt={itemErrorAt({ level: 'question', key: question.key })}
          readOnly={readOnly}
          onChange={(q) => edit(replaceItem(draft, { level: 'question', key: question.key }, () => q))}
          onAddOption={() => edit(addOption(draft, question))}
          onMoveOption={(key, delta) => moveBy(nodeId('option', ...questionPath, key), delta)}
          onRemoveOption={(key) => requestRemove(nodeId('option', ...questionPath, key))}
        />
      );
    }
    if (selected.level === 'performance' && performance) {
      return (
        <PerformancePanel
          performance={performance}
          locales={locales}
          errorAt={itemErrorAt({ level: 'performance', key: performance.key })}
          readOnly={readOnly}
          onChange={(p) => edit(replaceItem(draft, { level: 'performance', key: performance.key }, () => p))}
          onAddQuestion={() => {
            const added = addQuestion(draft, keys);
            edit(added.edition);
            setSelectedId(added.id);
          }}
        />
      );
    }
    if (selected.level === 'area' && area) {
      return (
        <AreaPanel
          area={area}
          locales={locales}
          errorAt={itemErrorAt({ level: 'area', key: area.key })}
          readOnly={readOnly}
          weighted={draft.scoring.areaWeighting === 'weighted'}
          onChange={(a) => edit(replaceItem(draft, { level: 'area', key: area.key }, () => a))}
          onAddPerformance={() => {
            const added = addPerformance(draft, area.key);
            edit(added.edition);
            setSelectedId(added.id);
          }}
        />
      );
    }
    return <p className="muted">{t('editor.selectHint')}</p>;
  };

  const removal = removing ? contentsOf(draft, removing.id) : null;
  const channelName = (key: string) => {
    const channel = draft.channels.find((c) => c.key === key);
    return (channel && textIn(channel.name, locale)) || key;
  };

  return (
    <div className="editor" ref={root}>
      {conflict}

      <div className="editor-toolbar">
        <div className="row">
          <StatusBadge status={draft.status} />
          {readOnly ? (
            <span className="muted">{t('editor.readOnlyNotice')}</span>
          ) : (
            <span className={changed ? 'unsaved' : 'muted'} aria-live="polite">
              {pending > 0
                ? t('editor.unsavedCount', { count: pending })
                : changed
                  ? t('editor.unsaved')
                  : t('editor.allSaved')}
            </span>
          )}
          {missingCount > 0 && (
            <Badge tone="danger">{t('editor.missingCount', { count: missingCount })}</Badge>
          )}
        </div>
        <div className="row">
          {!readOnly && (
            // biome-ignore lint/a11y/useSemanticElements: a toolbar group of two buttons, not a form fieldset
            <div className="row history-buttons" role="group" aria-label={t('editor.history')}>
              <Button
                size="sm"
                variant="ghost"
                title={t('editor.undoTitle')}
                aria-keyshortcuts="Control+Z"
                disabled={!history.canUndo}
                onClick={history.undo}
              >
                ↶ {t('editor.undo')}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                title={t('editor.redoTitle')}
                aria-keyshortcuts="Control+Shift+Z Control+Y"
                disabled={!history.canRedo}
                onClick={history.redo}
              >
                ↷ {t('editor.redo')}
              </Button>
            </div>
          )}
          {!readOnly && dirty && (
            // Discarding is an edit too: undo brings the changes back.
            <Button variant="ghost" onClick={() => history.edit(edition)}>
              {t('editor.discard')}
            </Button>
          )}
          {!readOnly && (
            <Button variant="primary" busy={saving} disabled={!canSave} onClick={() => onSave(draft)}>
              {t('common.save')}
            </Button>
          )}
        </div>
      </div>

      {[...issues, ...serverIssues].length > 0 && (
        <div className="issues" role="alert">
          <strong>{t('editor.issuesTitle', { count: issues.length + serverIssues.length })}</strong>
          <ul>
            {[...issues, ...serverIssues].map((issue) => (
              <li key={`${issue.path}:${issue.code}:${issue.message}`}>
                <button type="button" className="link-button" onClick={() => showIssue(issue.path)}>
                  {definitionIssueText(t, issue)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="tabs" role="tablist" aria-label={t('editor.sections')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            className="tab"
            onClick={() => setTab(name)}
          >
            {t(`editor.tab.${name}`)}
          </button>
        ))}
      </div>

      {tab === 'structure' && (
        <div className="editor-split" role="tabpanel" id="panel-structure" aria-labelledby="tab-structure">
          <div className="card editor-tree">
            {/* An edition started from scratch has no areas: no tree to search, just the way to add the first. */}
            {draft.areas.length === 0 ? (
              <EmptyState title={t('editor.noAreas')} />
            ) : (
              <>
                <TreeSearch query={query} count={matches.size} onChange={setQuery} />
                {searching && !readOnly && <p className="muted tree-help">{t('editor.searchMovesOff')}</p>}
                <TreeView
                  label={t('editor.treeLabel')}
                  nodes={shownNodes}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  // A filtered tree hides siblings, so its positions are not the survey's: no moves while searching.
                  onMove={
                    readOnly || searching
                      ? undefined
                      : (id, toIndex) => edit(moveToIndex(draft, refOfNode(id), toIndex))
                  }
                  canDropOn={(draggedId, targetId) => dropPlace(draggedId, targetId) !== null}
                  onDropOn={
                    readOnly || searching
                      ? undefined
                      : (draggedId, targetId) => {
                          const place = dropPlace(draggedId, targetId);
                          if (place) moveInto(draggedId, place.into, place.before);
                        }
                  }
                  help={t('tree.helpAcross')}
                />
              </>
            )}
            {!readOnly && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  const added = addArea(draft);
                  edit(added.edition);
                  setSelectedId(added.id);
                }}
              >
                {t('editor.addArea')}
              </Button>
            )}
          </div>
          <div className="card editor-panel">
            {!readOnly && actionId && (
              <ItemActions
                position={positionOf(actionId)}
                itemName={nameOf(actionId)}
                onMove={(delta) => moveBy(actionId, delta)}
                onMoveTo={movesBetweenParents(actionId) ? () => setMovingId(actionId) : undefined}
                onRemove={() => requestRemove(actionId)}
              />
            )}
            {panel()}
          </div>
        </div>
      )}
      {tab === 'channels' && (
        <div role="tabpanel" id="panel-channels" aria-labelledby="tab-channels">
          <ChannelRulesPanel
            channels={draft.channels}
            errorAt={(key, field) => itemErrorAt({ level: 'channel', key })(field)}
            readOnly={readOnly}
            channelWeighting={draft.scoring.contactWeighting === 'channel'}
            onChange={(channel) =>
              edit(replaceItem(draft, { level: 'channel', key: channel.key }, () => channel))
            }
            onMove={(key, delta) => {
              const ref = { level: 'channel', key } as const;
              const position = siblingPosition(draft, ref);
              if (position) edit(moveToIndex(draft, ref, position.index + delta));
            }}
            onRemove={setRemovingChannel}
            onAdd={() => setAddingChannel(true)}
          />
        </div>
      )}
      {tab === 'scoring' && (
        <div role="tabpanel" id="panel-scoring" aria-labelledby="tab-scoring">
          <ScoringPanel
            scoring={draft.scoring}
            areas={draft.areas}
            readOnly={readOnly}
            onChange={(scoring) => edit({ ...draft, scoring })}
          />
        </div>
      )}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      {movingId && (
        <MoveToDialog
          itemName={nameOf(movingId)}
          targets={moveTargets(draft, movingId)}
          nameOf={(target) => ({
            name: nameOf(target.id),
            group: target.group ? nameOf(nodeId('area', target.group)) : undefined,
          })}
          onCancel={() => setMovingId(null)}
          onMove={(intoId) => {
            setMovingId(null);
            moveInto(movingId, intoId);
          }}
        />
      )}
      {addingChannel && (
        <AddChannelDialog
          taken={takenKeys(draft, 'channel', { level: 'edition' })}
          onCancel={() => setAddingChannel(false)}
          onAdd={(channel) => {
            setAddingChannel(false);
            edit(addItem(draft, { level: 'edition' }, 'channel', channel));
          }}
        />
      )}
      <ConfirmDialog
        open={removingChannel !== null}
        tone="danger"
        title={t('editor.removeChannelTitle', { item: removingChannel ? channelName(removingChannel) : '' })}
        confirmLabel={t('editor.remove')}
        onConfirm={() => {
          if (removingChannel) edit(removeChannel(draft, removingChannel));
          setRemovingChannel(null);
        }}
        onCancel={() => setRemovingChannel(null)}
      >
        <p>
          {t('editor.removeChannelBody', {
            count: removingChannel ? questionsOnChannel(draft, removingChannel) : 0,
          })}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={leaveGuard.blockedPath !== null}
        title={t('leave.title')}
        confirmLabel={t('leave.save')}
        cancelLabel={t('leave.stay')}
        secondaryAction={{ label: t('leave.discard'), onClick: leaveGuard.leave }}
        confirmDisabled={!canSave}
        busy={saving}
        onConfirm={() => {
          const path = leaveGuard.blockedPath;
          leaveGuard.stay();
          onSave(draft, path === null ? undefined : () => leaveGuard.navigate(path));
        }}
        onCancel={leaveGuard.stay}
      >
        <p>{t('leave.body')}</p>
        {!canSave && <p>{t('leave.cannotSave')}</p>}
      </ConfirmDialog>
      <ConfirmDialog
        open={removing !== null}
        tone="danger"
        title={t('editor.removeTitle', { item: removing?.name ?? '' })}
        confirmLabel={t('editor.remove')}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      >
        {removal && (removal.performances > 0 || removal.questions > 0) && (
          <p>
            {t('editor.removeContents', { performances: removal.performances, questions: removal.questions })}
          </p>
        )}
        <p>{t('editor.removeBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
