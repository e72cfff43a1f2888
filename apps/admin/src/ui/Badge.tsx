import type { ChangeKind, EditionStatus } from '@ksp/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import './Badge.css';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Badge({
  tone = 'neutral',
  title,
  children,
}: {
  tone?: BadgeTone;
  /** A tooltip with more detail than the badge's words. */
  title?: string;
  children: ReactNode;
}) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

const statusTone: Record<EditionStatus, BadgeTone> = {
  draft: 'warning',
  published: 'success',
  closed: 'neutral',
};

export function StatusBadge({ status }: { status: EditionStatus }) {
  const { t } = useI18n();
  return <Badge tone={statusTone[status]}>{t(`status.${status}`)}</Badge>;
}

const changeTone: Record<ChangeKind, BadgeTone> = {
  added: 'success',
  removed: 'danger',
  renamed: 'info',
  descriptionChanged: 'info',
  moved: 'info',
  reordered: 'neutral',
  pointsChanged: 'warning',
  optionsChanged: 'warning',
  channelsChanged: 'warning',
  typeChanged: 'warning',
  countingChanged: 'warning',
  weightChanged: 'warning',
  waitingRulesChanged: 'warning',
  rulesChanged: 'warning',
};

export function ChangeKindBadge({ kind }: { kind: ChangeKind }) {
  const { t } = useI18n();
  return <Badge tone={changeTone[kind]}>{t(`changeKind.${kind}`)}</Badge>;
}
