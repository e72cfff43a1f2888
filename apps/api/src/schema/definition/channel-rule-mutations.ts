import { setChannelRule } from '@ksp/db';
import { builder } from '../../builder';
import { editDefinition, itemResult, versionedArgs } from './change-definition';
import { ChannelRuleInput, InputReader } from './inputs';

builder.mutationFields((t) => ({
  setChannelRule: t.prismaField({
    type: 'ChannelRule',
    description:
      'Changes a channel’s waiting time, waiting bands, attempts, weight or name in a draft edition. Send the version you read. Admins.',
    authScopes: { admin: true },
    errors: itemResult('setChannelRule'),
    args: {
      ...versionedArgs,
      input: t.arg({ type: ChannelRuleInput, required: true, description: 'The changes.' }),
    },
    resolve: (query, _root, { editionKey, key, version, input }, context) => {
      const read = new InputReader();
      const changes = read.done({
        name: read.text(input.name, 'input.name'),
        maxWait: read.given(input.maxWait),
        waitingBands: read.bands(input.waitingBands),
        maxAttempts: read.given(input.maxAttempts),
        retryOnAnotherDay: read.given(input.retryOnAnotherDay),
        lateAnswerCounts: read.given(input.lateAnswerCounts),
        weight: input.weight,
      });
      return editDefinition(
        context,
        setChannelRule,
        { editionKey, key, version, input: changes },
        (tx, { itemId }) => tx.channelRule.findUniqueOrThrow({ ...query, where: { id: itemId as number } }),
      );
    },
  }),
}));
