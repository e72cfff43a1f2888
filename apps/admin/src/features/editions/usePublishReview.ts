import type { Edition } from '@ksp/domain';
import { useEffect, useState } from 'react';
import { type Client, useClient } from 'urql';
import { editionFromApi } from '../../adapters/editionFromApi';
import { EditionDefinitionQuery } from '../../api/definition';
import { type PublishReview, publishReview } from './publishReview';

export type PublishReviewState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; review: PublishReview };

/** A definition as stored now (not a cached copy: the review is what publishing would check). */
async function loadEdition(client: Client, key: string): Promise<Edition | null> {
  const result = await client
    .query(EditionDefinitionQuery, { key }, { requestPolicy: 'network-only' })
    .toPromise();
  if (result.error) throw new Error(result.error.message);
  return result.data?.edition ? editionFromApi(result.data.edition) : null;
}

/**
 * Loads the draft and the edition it derives from when the publish dialog opens, so the editions list itself
 * never fetches whole definitions.
 */
export function usePublishReview(editionKey: string): PublishReviewState {
  const client = useClient();
  const [state, setState] = useState<PublishReviewState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    (async () => {
      const edition = await loadEdition(client, editionKey);
      if (!edition) throw new Error(editionKey);
      const parent = edition.derivedFrom ? await loadEdition(client, edition.derivedFrom) : null;
      if (current) setState({ status: 'ready', review: publishReview(edition, parent) });
    })().catch((error: unknown) => {
      if (current) setState({ status: 'failed', message: (error as Error).message });
    });
    // A closed (or switched) dialog ignores answers that arrive late.
    return () => {
      current = false;
    };
  }, [client, editionKey]);

  return state;
}
