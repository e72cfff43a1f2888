import { useCallback } from 'react';
import { useClient } from 'urql';
import { type ExplanationRow, explanationTree } from '../../adapters/explanationFromApi';
import { ExplainCompanyRowsQuery, ExplainContactRowsQuery, ExplanationNodeFields } from '../../api/explain';
import { readFragment } from '../../generated/gql';
import { useI18n } from '../../i18n/I18nProvider';

// The API answers an explanation in bounded slices (a company down to its contacts); these load the rows below a
// row when the tree opens it. The rows come without the row itself, so they rebuild as its children.

/** Loads the rows below a row of a company's explanation. */
export function useCompanyRowLoader(editionKey: string, companyKey: string) {
  const client = useClient();
  const { locale } = useI18n();
  return useCallback(
    async (under: string): Promise<ExplanationRow[]> => {
      const result = await client
        .query(ExplainCompanyRowsQuery, { editionKey, companyKey, under, locale })
        .toPromise();
      const outcome = result.data?.explainCompany;
      if (result.error) throw result.error;
      if (outcome?.__typename !== 'CompanyExplanation') throw new Error(outcome?.message ?? 'no rows');
      return explanationTree(readFragment(ExplanationNodeFields, outcome.nodes));
    },
    [client, editionKey, companyKey, locale],
  );
}

/** Loads the rows below a row of a contact's explanation. */
export function useContactRowLoader(evaluationId: string) {
  const client = useClient();
  const { locale } = useI18n();
  return useCallback(
    async (under: string): Promise<ExplanationRow[]> => {
      const result = await client.query(ExplainContactRowsQuery, { evaluationId, under, locale }).toPromise();
      const outcome = result.data?.explainContact;
      if (result.error) throw result.error;
      if (outcome?.__typename !== 'ContactExplanation') throw new Error(outcome?.message ?? 'no rows');
      return explanationTree(readFragment(ExplanationNodeFields, outcome.nodes));
    },
    [client, evaluationId, locale],
  );
}
