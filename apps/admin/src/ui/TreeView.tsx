import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import './TreeView.css';

export interface TreeNode {
  id: string;
  label: ReactNode;
  /** Shown after the label, e.g. badges for missing translations. */
  meta?: ReactNode;
  children?: TreeNode[];
}

interface TreeViewProps {
  label: string;
  nodes: TreeNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Called to move a node among its siblings; absent in read-only mode. */
  onMove?: (id: string, toIndex: number) => void;
  /** Whether a dragged node may be dropped on a node that is not its sibling (e.g. into another parent). */
  canDropOn?: (draggedId: string, targetId: string) => boolean;
  /** Drops a dragged node on a non-sibling the tree was told it may go to. */
  onDropOn?: (draggedId: string, targetId: string) => void;
  /** The help under the tree, when moves can do more than the default help says. */
  help?: string;
}

interface VisibleNode {
  node: TreeNode;
  level: number;
  parentId: string | null;
  index: number;
  siblingCount: number;
}

function flatten(
  nodes: TreeNode[],
  collapsed: Set<string>,
  level = 1,
  parentId: string | null = null,
): VisibleNode[] {
  return nodes.flatMap((node, index) => [
    { node, level, parentId, index, siblingCount: nodes.length },
    ...(node.children?.length && !collapsed.has(node.id)
      ? flatten(node.children, collapsed, level + 1, node.id)
      : []),
  ]);
}

/** The ids of the nodes that hold `id`, outermost first (empty when it is not in the tree). */
function ancestorIds(nodes: TreeNode[], id: string): string[] {
  for (const node of nodes) {
    if (node.id === id) return [];
    const below = ancestorIds(node.children ?? [], id);
    if (below.length > 0 || node.children?.some((child) => child.id === id)) return [node.id, ...below];
  }
  return [];
}

/**
 * An ARIA tree. Keys: ↑/↓ move focus, →/← expand or collapse, Enter selects,
 * Alt+↑/Alt+↓ move the focused item among its siblings. Items can also be dragged onto a sibling.
 */
export function TreeView({
  label,
  nodes,
  selectedId,
  onSelect,
  onMove,
  canDropOn,
  onDropOn,
  help,
}: TreeViewProps) {
  const { t } = useI18n();
  // What the user collapsed: everything else is open, so items added or moved in show their contents.
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [focusedId, setFocusedId] = useState<string | null>(selectedId ?? nodes[0]?.id ?? null);
  const [dragged, setDragged] = useState<VisibleNode | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const itemRefs = useRef(new Map<string, HTMLElement>());

  const visible = useMemo(() => flatten(nodes, collapsed), [nodes, collapsed]);

  // A selection made outside the tree (a new item, a move, a search) becomes the tab stop, and is shown.
  useEffect(() => {
    if (selectedId) setFocusedId(selectedId);
  }, [selectedId]);
  useEffect(() => {
    if (!selectedId) return;
    const holders = ancestorIds(nodes, selectedId);
    setCollapsed((current) =>
      holders.some((id) => current.has(id))
        ? new Set([...current].filter((id) => !holders.includes(id)))
        : current,
    );
  }, [selectedId, nodes]);

  const focus = (id: string) => {
    setFocusedId(id);
    itemRefs.current.get(id)?.focus();
  };

  const toggle = (id: string, open?: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (open ?? next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const move = (item: VisibleNode, toIndex: number) => {
    if (!onMove || toIndex < 0 || toIndex >= item.siblingCount || toIndex === item.index) return;
    onMove(item.node.id, toIndex);
    setAnnouncement(t('tree.moved', { position: toIndex + 1, count: item.siblingCount }));
    // Keep keyboard focus on the moved item after React re-renders it in its new place.
    requestAnimationFrame(() => itemRefs.current.get(item.node.id)?.focus());
  };

  const onKeyDown = (event: React.KeyboardEvent, item: VisibleNode, position: number) => {
    const { node } = item;
    const hasChildren = Boolean(node.children?.length);
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const delta = event.key === 'ArrowDown' ? 1 : -1;
        if (event.altKey || event.metaKey) {
          move(item, item.index + delta);
          return;
        }
        const target = visible[position + delta];
        if (target) focus(target.node.id);
        return;
      }
      case 'ArrowRight':
        event.preventDefault();
        if (hasChildren && collapsed.has(node.id)) toggle(node.id, true);
        else if (hasChildren && node.children?.[0]) focus(node.children[0].id);
        return;
      case 'ArrowLeft':
        event.preventDefault();
        if (hasChildren && !collapsed.has(node.id)) toggle(node.id, false);
        else if (item.parentId) focus(item.parentId);
        return;
      case 'Home':
        event.preventDefault();
        if (visible[0]) focus(visible[0].node.id);
        return;
      case 'End': {
        event.preventDefault();
        const last = visible[visible.length - 1];
        if (last) focus(last.node.id);
        return;
      }
      case 'Enter':
      case ' ':
        event.preventDefault();
        onSelect(node.id);
        return;
    }
  };

  const renderLevel = (items: TreeNode[]): ReactNode =>
    items.map((node) => {
      const position = visible.findIndex((v) => v.node.id === node.id);
      const item = visible[position];
      if (!item) return null;
      const hasChildren = Boolean(node.children?.length);
      const isExpanded = !collapsed.has(node.id);
      const isSiblingDrop =
        dragged !== null &&
        dragged.parentId === item.parentId &&
        dragged.node.id !== node.id &&
        Boolean(onMove);
      const isOtherDrop =
        dragged !== null &&
        !isSiblingDrop &&
        dragged.node.id !== node.id &&
        Boolean(onDropOn && canDropOn?.(dragged.node.id, node.id));
      const isDropTarget = isSiblingDrop || isOtherDrop;
      return (
        <li
          key={node.id}
          role="treeitem"
          data-node-id={node.id}
          aria-level={item.level}
          aria-selected={selectedId === node.id}
          aria-expanded={hasChildren ? isExpanded : undefined}
          tabIndex={focusedId === node.id ? 0 : -1}
          ref={(element) => {
            if (element) itemRefs.current.set(node.id, element);
            else itemRefs.current.delete(node.id);
          }}
          className="tree-item"
          onKeyDown={(event) => {
            if (event.target === event.currentTarget) onKeyDown(event, item, position);
          }}
          onFocus={(event) => {
            if (event.target === event.currentTarget) setFocusedId(node.id);
          }}
        >
          {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: the row is the treeitem's visual part; its keys are handled on the treeitem */}
          <div
            className={[
              'tree-row',
              selectedId === node.id ? 'is-selected' : '',
              isDropTarget ? 'is-drop-target' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            style={{ paddingLeft: `calc(${item.level - 1} * 18px + 8px)` }}
            draggable={Boolean(onMove)}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', node.id);
              setDragged(item);
            }}
            onDragEnd={() => setDragged(null)}
            onDragOver={(event) => {
              if (isDropTarget) event.preventDefault();
            }}
            onDrop={(event) => {
              event.preventDefault();
              if (dragged && isSiblingDrop) move(dragged, item.index);
              else if (dragged && isOtherDrop) onDropOn?.(dragged.node.id, node.id);
              setDragged(null);
            }}
            onClick={() => {
              focus(node.id);
              onSelect(node.id);
            }}
          >
            {hasChildren ? (
              <button
                type="button"
                tabIndex={-1}
                className="tree-toggle"
                aria-label={isExpanded ? t('tree.collapse') : t('tree.expand')}
                onClick={(event) => {
                  event.stopPropagation();
                  toggle(node.id);
                }}
              >
                {isExpanded ? '▾' : '▸'}
              </button>
            ) : (
              <span className="tree-toggle" aria-hidden="true" />
            )}
            <span className="tree-label">{node.label}</span>
            {node.meta && <span className="tree-meta">{node.meta}</span>}
            {onMove && (
              <span className="tree-grip" aria-hidden="true">
                ⋮⋮
              </span>
            )}
          </div>
          {hasChildren && isExpanded && (
            // biome-ignore lint/a11y/useSemanticElements: role=group is the ARIA tree pattern for nested items
            <ul role="group">{renderLevel(node.children ?? [])}</ul>
          )}
        </li>
      );
    });

  return (
    <div className="tree">
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ul role=tree is the ARIA tree pattern */}
      <ul role="tree" aria-label={label}>
        {renderLevel(nodes)}
      </ul>
      {onMove && <p className="tree-help muted">{help ?? t('tree.help')}</p>}
      <div className="visually-hidden" aria-live="assertive">
        {announcement}
      </div>
    </div>
  );
}
