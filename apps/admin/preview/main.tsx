// Dev-only gallery (vite dev server: /preview.html?screen=<name>): every screen component with sample data,
// for looking at the design without the API. Not part of the production build.
import { diffEditions } from '@ksp/domain';
import { ksp23, ksp24 } from '@ksp/domain/fixtures';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { AppShell } from '../src/app/AppShell';
import { AuditLog, noAuditFilters } from '../src/features/audit/AuditLog';
import { namesFrom } from '../src/features/changes/groupChanges';
import { WhatChanged } from '../src/features/changes/WhatChanged';
import { CompanyView } from '../src/features/company/CompanyView';
import { EditionsList } from '../src/features/editions/EditionsList';
import { SurveyEditor } from '../src/features/editor/SurveyEditor';
import { ObserverForm } from '../src/features/observer/ObserverForm';
import { ResultsView } from '../src/features/results/ResultsView';
import { SignInForm } from '../src/features/sign-in/SignInForm';
import { I18nProvider } from '../src/i18n/I18nProvider';
import { PageHeader } from '../src/ui/PageHeader';
import { ToastProvider } from '../src/ui/Toasts';
import { auditEntries, company, editionSummaries, results, tiedResults } from '../test/fixtures/sampleData';
import '../src/styles/tokens.css';
import '../src/styles/base.css';

const draft = { ...ksp24, key: 'KSP25', year: 2025, status: 'draft' as const, derivedFrom: 'KSP24' };
const admin = { email: 'admin@example.org', name: 'Ada Admin', role: 'admin' as const };
const screens: Record<string, () => React.ReactNode> = {
  editions: () => (
    <>
      <PageHeader title="Utgaver" subtitle="Hver utgave er én års undersøkelse." />
      <EditionsList
        editions={editionSummaries}
        canManage
        onStartNext={() => {}}
        onPublish={() => {}}
        onClose={() => {}}
      />
    </>
  ),
  editor: () => (
    <>
      <PageHeader title="KSP25 – Kundeserviceprisen 2025" subtitle="Undersøkelse" />
      <SurveyEditor edition={draft} readOnly={false} onSave={() => {}} />
    </>
  ),
  changes: () => (
    <>
      <PageHeader title="Hva er endret" subtitle="KSP24 sammenlignet med KSP23" />
      <WhatChanged diff={diffEditions(ksp23, ksp24)} names={namesFrom(ksp24, ksp23)} />
    </>
  ),
  results: () => (
    <>
      <PageHeader title="Resultater KSP24" />
      <ResultsView results={results} />
    </>
  ),
  'results-ties': () => (
    <>
      <PageHeader title="Resultater KSP24 (delt plass)" />
      <ResultsView results={tiedResults} />
    </>
  ),
  company: () => (
    <>
      <PageHeader title="Kystbanken" subtitle="Bank · KSP24" />
      <CompanyView company={company} />
    </>
  ),
  observer: () => <ObserverPreview />,
  audit: () => (
    <>
      <PageHeader title="Logg" />
      <AuditLog
        entries={auditEntries}
        totalCount={auditEntries.length}
        actors={[{ id: 'u1', name: 'Anna Admin' }]}
        filters={noAuditFilters}
        onFiltersChange={() => {}}
        page={1}
        pageSize={25}
        hasNext={false}
        onNext={() => {}}
        onPrevious={() => {}}
      />
    </>
  ),
};

function ObserverPreview() {
  const [key, setKey] = useState('KSP24');
  return (
    <>
      <PageHeader title="Observatørskjema" />
      <ObserverForm
        editions={[{ key: 'KSP24', name: 'KSP24 – Kundeserviceprisen 2024' }]}
        editionKey={key}
        onEditionChange={setKey}
        edition={ksp24}
        companies={[{ key: 'fjordbank', name: 'Fjordbanken', industryKey: 'bank' }]}
        rolePlays={[{ key: 'switch', name: 'Bytte abonnement' }]}
        onSubmit={() => {}}
      />
    </>
  );
}

function Preview() {
  const name = new URLSearchParams(location.search).get('screen') ?? 'editions';
  if (name === 'sign-in') return <SignInForm onSubmit={() => {}} />;
  const render = screens[name] ?? screens.editions;
  return (
    <Router hook={memoryLocation({ path: `/${name}` }).hook}>
      <AppShell user={admin} onSignOut={() => {}}>
        {render?.()}
      </AppShell>
    </Router>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <ToastProvider>
          <Preview />
        </ToastProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
