// Webhooks in the API process: emitting events inside transactions, signing, and the delivery loop.
export {
  type EditionPublishedData,
  type EvaluationSubmittedData,
  type ResultsPublishedData,
  recordEditionPublished,
  recordEvaluationsSubmitted,
  recordResultsPublished,
} from './events';
export { recordEvent, type WebhookEnvelope } from './record-event';
export { retryDelayMs } from './retry-delay';
export { readWebhookConfig, type WebhookConfig } from './webhook-config';
export { createWebhookDispatcher, type WebhookDispatcher } from './webhook-dispatcher';
export { newWebhookSecret, secretPreview } from './webhook-secret';
export { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from './webhook-signature';
export {
  checkWebhookTarget,
  parseWebhookAllowList,
  type Resolver,
  refusedKind,
  STRICT_TARGET_POLICY,
  systemResolver,
  type WebhookTargetPolicy,
} from './webhook-target-policy';
