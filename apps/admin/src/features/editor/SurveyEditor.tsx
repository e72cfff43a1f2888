import {
  byOrder,
  DomainValidationError,
  type Edition,
  KSP_CHANNELS,
  locate,
  moveToIndex,
  parseEdition,
  removeItem,
  replaceItem,
  siblingPosition,
  textIn,
  type ValidationIssue,
} from '@ksp/domain';
import { useEffect, useMemo, useState } from 'react';
import { savePlan } from '../../adapters/savePlan';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge, StatusBadge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type TreeNode, TreeView } from '../../ui/TreeView';
import { AreaPanel } from './AreaPanel';
import { ChannelRulesPanel } from './ChannelRulesPanel';
import { ConflictBanner, type EditConflict } from './ConflictBanner';
import { ItemActions } from './ItemActions';
import { countMissing, countMissingInEdition } from './missingTranslations';
import { addArea, addOption, addPerformance, addQuestion } from './newItems';
import { PerformancePanel } from './PerformancePanel';
import { QuestionPanel } from './QuestionPanel';
import './SurveyEditor.css';
import { contentsOf, findNode, nodeId, parseNodeId, refOfNode } from './treeNodes';

interface SurveyEditorProps {
  /** The definition as stored. Give the component a new `key` when a newer version is loaded. */
  edition: Edition;
  /** Start from these unsaved changes instead of `edition` (after a save that stopped halfway). */
  initialDraft?: Edition;
  readOnly: boolean;
  saving?: boolean;
  conflict?: EditConflict | null;
  /** Problems the server reported for the last save. */
  serverIssues?: readonly ValidationIssue[];
  /** Saves the draft: one API write per changed item. */
  onSave: (draft: Edition) => void;
  /** Loads the stored definition (after a conflict), dropping the draft. */
  onReload?: () => void;
}

/** The domain's own checks on a draft; the editor never re-implements them. */
function issuesOf(draft: Edition): ValidationIssue[] {
  try {
    parseEdition(draft);
    return [];
  } catch (error) {
    if (error instanceof DomainValidationError) return error.issues;
    throw error;
  }
}

export function SurveyEditor({
  edition,
  initialDraft,
  readOnly,
  saving,
  conflict,
  serverIssues = [],
  onSave,
  onReload,
}: SurveyEditorProps) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(initialDraft ?? edition);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const [tab, setTab] = useState<'structure' | 'channels'>('structure');
  const firstArea = byOrder(edition.areas)[0];
  const [selectedId, setSelectedId] = useState<string | null>(
    firstArea ? nodeId('area', firstArea.key) : null,
  );

  const dirty = draft !== edition;
  const issues = useMemo(() => (dirty ? issuesOf(draft) : []), [draft, dirty]);
  // One API write per change: the count tells how many saves the button will make.
  const pending = useMemo(() => (dirty ? savePlan(edition, draft).steps.length : 0), [edition, draft, dirty]);
  // Leaving the page (reload, close, another site) with unsaved changes asks first.
  useEffect(() => {
    if (pending === 0 || readOnly) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending, readOnly]);
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

  const selected = selectedId ? findNode(draft, selectedId) : null;
  const edit = (next: Edition) => setDraft(next);
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

  return (
    <div className="editor">
      {conflict && <ConflictBanner conflict={conflict} onReload={() => onReload?.()} />}

      <div className="editor-toolbar">
        <div className="row">
          <StatusBadge status={draft.status} />
          {readOnly ? (
            <span className="muted">{t('editor.readOnlyNotice')}</span>
          ) : (
            <span className={pending > 0 ? 'unsaved' : 'muted'} aria-live="polite">
              {pending > 0 ? t('editor.unsavedCount', { count: pending }) : t('editor.allSaved')}
            </span>
          )}
          {missingCount > 0 && (
            <Badge tone="danger">{t('editor.missingCount', { count: missingCount })}</Badge>
          )}
        </div>
        <div className="row">
          {!readOnly && dirty && (
            <Button variant="ghost" onClick={() => setDraft(edition)}>
              {t('editor.discard')}
            </Button>
          )}
          {!readOnly && (
            <Button
              variant="primary"
              busy={saving}
              disabled={!dirty || pending === 0 || issues.length > 0 || Boolean(conflict)}
              onClick={() => onSave(draft)}
            >
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
              <li key={`${issue.path}:${issue.message}`}>
                <code>{issue.path || '—'}</code> {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="tabs" role="tablist" aria-label={t('editor.sections')}>
        {(['structure', 'channels'] as const).map((name) => (
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

      {tab === 'structure' ? (
        <div className="editor-split" role="tabpanel" id="panel-structure" aria-labelledby="tab-structure">
          <div className="card editor-tree">
            <TreeView
              label={t('editor.treeLabel')}
              nodes={nodes}
              selectedId={selectedId}
              onSelect={setSelectedId}
              onMove={
                readOnly ? undefined : (id, toIndex) => edit(moveToIndex(draft, refOfNode(id), toIndex))
              }
            />
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
                onRemove={() => requestRemove(actionId)}
              />
            )}
            {panel()}
          </div>
        </div>
      ) : (
        <div role="tabpanel" id="panel-channels" aria-labelledby="tab-channels">
          <ChannelRulesPanel
            channels={draft.channels}
            readOnly={readOnly}
            channelWeighting={draft.scoring.contactWeighting === 'channel'}
            onChange={(channel) =>
              edit(replaceItem(draft, { level: 'channel', key: channel.key }, () => channel))
            }
          />
        </div>
      )}
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
