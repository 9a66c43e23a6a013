import { ChatComposer } from '../chat-composer.js';
import {
  broadcastResult,
  decideBroadcastRequest,
  prepareBroadcast,
} from '../../services/broadcast.service.js';
import type { OutboxChoice } from '../../outbox/outbox-payload.js';
import { channelWording } from '../../messages/channel-wording.js';
import { remindMessages } from '../../messages/remind-messages.js';
import { commandArgs } from './command-args.js';
import { requireMember } from './member-guard.js';
import { parseRowId } from './row-id.js';

/** `/nhacnho <who> <text>`: a coordinator's reminder to the communes in scope, confirmed with buttons. */
export const remindFeature = new ChatComposer();

/** The one choice under a queued or pending result: «1» on Zalo, as broadcastQueued/Result say. */
const resultButton = (id: number): OutboxChoice[][] => [
  [{ label: remindMessages.resultButton, data: `nn:r:${id}` }],
];

remindFeature.command('nhacnho', async (ctx) => {
  // Everyone who joined gets an answer; the service refuses all but coordinators.
  const who = await requireMember(ctx, ['reporter', 'coordinator', 'leader']);
  if (!who) return;
  const { db, campaign, clock, platform } = ctx.sohoa;
  const chat = { platform, chatId: ctx.message.chat.id };
  const outcome = await prepareBroadcast(db, { campaign, who, chat }, commandArgs(ctx), clock);
  switch (outcome.kind) {
    case 'refused':
      return ctx.sohoa.reply(remindMessages.refused(outcome.refusal));
    case 'nobody':
      return ctx.sohoa.reply(remindMessages.nobody(outcome.audience));
    case 'preview':
      return ctx.sohoa.reply(
        remindMessages.broadcastPreview(
          outcome.audience,
          outcome.recipients,
          outcome.units,
          outcome.text,
          outcome.office,
          channelWording(ctx.sohoa.limits),
        ),
        {
          choices: [
            [
              { label: remindMessages.sendButton, data: `nn:c:${outcome.broadcastId}` },
              { label: remindMessages.cancelButton, data: `nn:x:${outcome.broadcastId}` },
            ],
          ],
        },
      );
  }
});

remindFeature.choice(/^nn:([cxr]):(\d+)$/, async (ctx) => {
  const who = await requireMember(ctx, ['coordinator']);
  if (!who) return;
  const { db, campaign, clock } = ctx.sohoa;
  const [, action, idText] = ctx.match ?? [];
  const id = parseRowId(idText);
  if (id === undefined) return ctx.sohoa.editCurrent(remindMessages.broadcastStale);
  if (action === 'r') {
    const result = await broadcastResult(db, { campaign, who }, id);
    if (result.kind === 'not_yours') return ctx.sohoa.reply(remindMessages.broadcastNotYours);
    if (result.kind !== 'result') return ctx.sohoa.editCurrent(remindMessages.broadcastStale);
    return ctx.sohoa.editCurrent(
      remindMessages.broadcastResult(result, channelWording(ctx.sohoa.limits)),
      result.pending > 0 ? { choices: resultButton(id) } : undefined,
    );
  }
  const decision = await decideBroadcastRequest(
    db,
    { campaign, who },
    id,
    action === 'c',
    clock,
    remindMessages.broadcast,
  );
  switch (decision.kind) {
    case 'queued':
      return ctx.sohoa.editCurrent(
        remindMessages.broadcastQueued(
          decision.audience,
          decision.recipients,
          channelWording(ctx.sohoa.limits),
        ),
        { choices: resultButton(id) },
      );
    case 'cancelled':
      return ctx.sohoa.editCurrent(remindMessages.broadcastCancelled);
    case 'expired':
      return ctx.sohoa.editCurrent(remindMessages.broadcastExpired(decision.minutes));
    case 'not_yours':
      return ctx.sohoa.reply(remindMessages.broadcastNotYours);
    case 'stale':
      return ctx.sohoa.editCurrent(remindMessages.broadcastStale);
  }
});
