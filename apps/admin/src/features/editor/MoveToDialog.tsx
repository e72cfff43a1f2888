import { useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { MoveTarget } from './treeMoves';

interface MoveToDialogProps {
  itemName: string;
  targets: readonly MoveTarget[];
  /** The shown name of a target or group (area) node. */
  nameOf: (target: MoveTarget) => { name: string; group?: string };
  onMove: (targetId: string) => void;
  onCancel: () => void;
}

/** The keyboard way to move a performance to another area, or a question to another performance. */
export function MoveToDialog({ itemName, targets, nameOf, onMove, onCancel }: MoveToDialogProps) {
  const { t } = useI18n();
  const selectId = useId();
  const [targetId, setTargetId] = useState(targets[0]?.id ?? '');
  // Targets of one area are listed under it (a question's targets); a performance's targets are areas.
  const groups = new Map<string, { name: string; targets: MoveTarget[] }>();
  for (const target of targets) {
    const { group = '' } = nameOf(target);
    const entry = groups.get(target.group ?? '') ?? { name: group, targets: [] };
    entry.targets.push(target);
    groups.set(target.group ?? '', entry);
  }
  const option = (target: MoveTarget) => (
    <option key={target.id} value={target.id}>
      {nameOf(target).name}
    </option>
  );
  return (
    <ConfirmDialog
      open
      title={t('editor.moveToTitle', { item: itemName })}
      confirmLabel={t('editor.moveConfirm')}
      confirmDisabled={!targetId}
      initialFocus="firstField"
      onConfirm={() => onMove(targetId)}
      onCancel={onCancel}
    >
      <div className="field">
        <label className="field-label" htmlFor={selectId}>
          {t('editor.moveTarget')}
        </label>
        <select
          id={selectId}
          className="input select"
          value={targetId}
          aria-describedby={`${selectId}-hint`}
          onChange={(event) => setTargetId(event.target.value)}
        >
          {[...groups.entries()].map(([key, group]) =>
            key ? (
              <optgroup key={key} label={group.name}>
                {group.targets.map(option)}
              </optgroup>
            ) : (
              group.targets.map(option)
            ),
          )}
        </select>
        <p className="field-hint" id={`${selectId}-hint`}>
          {t('editor.moveToEnd')}
        </p>
      </div>
    </ConfirmDialog>
  );
}
