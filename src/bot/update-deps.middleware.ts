import type { MiddlewareFn } from 'telegraf';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import { enqueueOutbox, type NewOutboxMessage } from '../db/outbox.repository.js';
import { findMemberWithUnit } from '../services/member.service.js';
import type { ReplyOptions, SohoaContext, UpdateDeps } from './bot-context.js';
import { currentUpdateScope } from './update-scope.js';

function replyMarkup(options?: ReplyOptions) {
  if (!options?.buttons) return undefined;
  return {
    inline_keyboard: options.buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))),
  };
}

/**
 * Attaches `ctx.sohoa` for the update: its transaction, the campaign, the clock, the sender's membership,
 * and reply helpers that write to the outbox. Dedupe keys come from the update id and the order of
 * replies, so handling the same update again enqueues nothing new.
 */
export function updateDepsMiddleware(campaign: Campaign, clock: Clock): MiddlewareFn<SohoaContext> {
  return async (ctx, next) => {
    const { db } = currentUpdateScope();
    const updateId = ctx.update.update_id;
    let sequence = 0;
    const enqueue = (message: Omit<NewOutboxMessage, 'dedupeKey' | 'platform'>) =>
      enqueueOutbox(
        db,
        [{ ...message, platform: 'telegram', dedupeKey: `telegram:update:${updateId}:${++sequence}` }],
        clock.now(),
      ).then(() => undefined);
    const currentChat = () => {
      const id = ctx.chat?.id;
      if (id === undefined) throw new Error(`Update ${updateId} has no chat to reply to`);
      return String(id);
    };
    const from = ctx.from;
    const membership = from
      ? await findMemberWithUnit(db, campaign.id, 'telegram', String(from.id))
      : undefined;
    const deps: UpdateDeps = {
      db,
      campaign,
      clock,
      platform: 'telegram',
      updateId,
      member: membership?.member,
      unit: membership?.unit,
      reply: (text, options) =>
        enqueue({
          chatId: options?.chatId ?? currentChat(),
          kind: 'text',
          payload: { text, reply_markup: replyMarkup(options) },
        }),
      editCurrent: (text, options) => {
        const message = ctx.callbackQuery?.message;
        if (!message) return deps.reply(text, options);
        return enqueue({
          chatId: currentChat(),
          kind: 'edit',
          payload: { message_id: message.message_id, text, reply_markup: replyMarkup(options) },
        });
      },
      replyDocument: (fileName, bytes, caption) =>
        enqueue({
          chatId: currentChat(),
          kind: 'document',
          payload: { fileName, caption },
          attachment: bytes,
        }),
      enqueue: (messages) => enqueueOutbox(db, messages, clock.now()).then(() => undefined),
      chatId: String(ctx.chat?.id ?? ''),
    };
    ctx.sohoa = deps;
    await next();
  };
}
