import { type ChangeKind, type EditionDiff, type LocalizedText, textIn } from '@ksp/domain';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge, ChangeKindBadge } from '../../ui/Badge';
import { Checkbox, SelectField } from '../../ui/Field';
import { EmptyState } from '../../ui/StateViews';
import { groupChanges } from './groupChanges';
import './WhatChanged.css';

interface WhatChangedProps {
  diff: EditionDiff;
  /** Area and performance names keyed `area:<key>` / `performance:<key>` (see namesFrom). */
  names: ReadonlyMap<string, LocalizedText>;
}

/** The definition diff between two editions as readable sentences, grouped by area and performance. */
export function WhatChanged({ diff, names }: WhatChangedProps) {
  const { t, locale } = useI18n();
  const [onlyScoring, setOnlyScoring] = useState(false);
  const [kind, setKind] = useState<ChangeKind | ''>('');

  const kinds = useMemo(() => [...new Set(diff.changes.map((c) => c.kind))], [diff]);
  const visible = diff.changes.filter((c) => (!onlyScoring || c.affectsScores) && (!kind || c.kind === kind));
  const groups = groupChanges(visible);
  const affecting = diff.changes.filter((c) => c.affectsScores).length;
  const name = (level: 'area' | 'performance', key: string) =>
    textIn(names.get(`${level}:${key}`), locale) || key;

  return (
    <div className="stack">
      <div className="changes-summary card">
        <div>
          <strong className="changes-count">{diff.changes.length}</strong>
          <span className="muted">{t('changes.total')}</span>
        </div>
        <div>
          <strong className="changes-count changes-count-warning">{affecting}</strong>
          <span className="muted">{t('changes.affectingScores')}</span>
        </div>
        <div className="changes-filters">
          <SelectField
            label={t('changes.kindFilter')}
            value={kind}
            placeholder={t('changes.allKinds')}
            options={kinds.map((value) => ({ value, label: t(`changeKind.${value}`) }))}
            onChange={(event) => setKind(event.target.value as ChangeKind | '')}
          />
          <Checkbox
            label={t('changes.onlyScoring')}
            checked={onlyScoring}
            onChange={(event) => setOnlyScoring(event.target.checked)}
          />
        </div>
      </div>

      {groups.length === 0 ? (
        <EmptyState title={diff.changes.length === 0 ? t('changes.none') : t('changes.noneMatching')} />
      ) : (
        groups.map((group) => (
          <section
            key={group.areaKey ?? '(edition)'}
            className="card change-group"
            aria-label={group.areaKey ? name('area', group.areaKey) : t('changes.editionWide')}
          >
            <h2 className="change-group-title">
              {group.areaKey ? name('area', group.areaKey) : t('changes.editionWide')}
            </h2>
            {group.performances.map(({ performanceKey, changes }) => (
              <div key={performanceKey ?? '(area)'} className="change-subgroup">
                {performanceKey && (
                  <h3 className="change-subgroup-title">{name('performance', performanceKey)}</h3>
                )}
                <ul className="change-list">
                  {changes.map((change) => (
                    <li key={`${change.level}:${change.kind}:${change.path}`} className="change-item">
                      <ChangeKindBadge kind={change.kind} />
                      <span className="change-text">{textIn(change.summary, locale)}</span>
                      {change.affectsScores && <Badge tone="danger">{t('changes.notLikeForLike')}</Badge>}
                      <span className="change-level muted">{t(`level.${change.level}`)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))
      )}
    </div>
  );
}
