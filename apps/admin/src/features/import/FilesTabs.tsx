import { Link } from 'wouter';
import { paths } from '../../app/paths';
import { useI18n } from '../../i18n/I18nProvider';
import './Import.css';

/** The two file screens side by side: evaluation import (admins) and translations. */
export function FilesTabs({
  current,
  editionKey,
  canImport,
}: {
  current: 'import' | 'translations';
  editionKey: string;
  canImport: boolean;
}) {
  const { t } = useI18n();
  const tabs = [
    ...(canImport
      ? [
          {
            id: 'import' as const,
            href: editionKey ? paths.importEvaluations(editionKey) : '/files/import',
            label: t('files.import'),
          },
        ]
      : []),
    {
      id: 'translations' as const,
      href: editionKey ? paths.translations(editionKey) : '/files/translations',
      label: t('files.translations'),
    },
  ];
  return (
    <nav className="files-tabs" aria-label={t('files.tabs')}>
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          className={tab.id === current ? 'files-tab is-active' : 'files-tab'}
          aria-current={tab.id === current ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
