import { ComparableTrendPanel } from '../comparability/ComparableTrendPanel';
import { CompanyExplanation } from './CompanyExplanation';
import { ContactExplanations } from './ContactExplanations';

export interface CompanyInsightsProps {
  editionKey: string;
  companyKey: string;
  companyName: string;
  industryKey: string | null;
  industryName: string | null;
}

/** What the company page adds for issue 8: the comparable trend, the score explanation and each contact's. */
export default function CompanyInsights(props: CompanyInsightsProps) {
  return (
    <div className="stack">
      <ComparableTrendPanel
        companyKey={props.companyKey}
        companyName={props.companyName}
        industryKey={props.industryKey}
        industryName={props.industryName}
      />
      <CompanyExplanation
        editionKey={props.editionKey}
        companyKey={props.companyKey}
        companyName={props.companyName}
      />
      <ContactExplanations editionKey={props.editionKey} companyKey={props.companyKey} />
    </div>
  );
}
