import type { ConvertOutcome } from '../../domain/convert-outcome.js';
import type { BatchResult } from '../../files/convert/convert-batch.js';
import { channelWording } from '../../messages/channel-wording.js';
import { convertChatMessages, convertLine } from '../../messages/convert-messages.js';
import { recordConvertedSamples } from '../../services/sample-convert.service.js';
import {
  startConvertNaming,
  TYPE_CHOICE_PREFIX,
  type NamingOutcome,
} from '../../services/sample-convert-name.service.js';
import type { SampleSender } from '../../services/sample-file.service.js';
import type { ChatContext } from '../chat-context.js';
import { senderId } from './command-args.js';

/** The conversation a naming question lives in: the person, in this chat. */
export function namingKey(ctx: ChatContext) {
  return { platform: ctx.sohoa.platform, chatId: ctx.message.chat.id, userId: senderId(ctx) };
}

/** Sends a PDF with its line as caption, or the line first when it is too long for a caption. */
async function sendPdf(ctx: ChatContext, fileName: string, pdf: Buffer, text: string): Promise<void> {
  if (text.length <= ctx.sohoa.limits.captionLength) return ctx.sohoa.replyDocument(fileName, pdf, text);
  await ctx.sohoa.reply(text);
  await ctx.sohoa.replyDocument(fileName, pdf);
}

/** Asks the naming question the outcome says, with the types as choices (two a row). */
export async function askNaming(ctx: ChatContext, outcome: NamingOutcome): Promise<void> {
  if (outcome.kind === 'ask_type') {
    const choices = outcome.choices.map((choice) => ({
      label: choice.label,
      data: `${TYPE_CHOICE_PREFIX}${choice.code}`,
    }));
    const rows = [];
    for (let i = 0; i < choices.length; i += 2) rows.push(choices.slice(i, i + 2));
    const wording = channelWording(ctx.sohoa.limits);
    const text = outcome.retry
      ? convertChatMessages.typeNotUnderstood(wording)
      : convertChatMessages.askType(outcome.fileName, wording);
    return ctx.sohoa.reply(text, { choices: rows });
  }
  if (outcome.kind === 'ask_parts') {
    return ctx.sohoa.reply(
      outcome.retry
        ? convertChatMessages.partsNotUnderstood(outcome.missing)
        : convertChatMessages.askParts(outcome.missing),
    );
  }
  const text = outcome.kept
    ? convertChatMessages.keptName(outcome.fileName)
    : convertChatMessages.named(outcome.fileName);
  await sendPdf(ctx, outcome.fileName, outcome.pdf, text);
}

/**
 * Answers a converted file: a refusal says why and what to do; a PDF named by the rule goes back at
 * once (and counts for a reporter's commune); a PDF whose name lacks parts waits while the bot asks for
 * them, once.
 */
export async function replyConverted(
  ctx: ChatContext,
  sender: SampleSender,
  original: string,
  outcome: ConvertOutcome,
): Promise<void> {
  const line = convertLine(outcome);
  if (outcome.kind === 'refused') return ctx.sohoa.reply(line);
  const { db, clock, campaign, inboxId } = ctx.sohoa;
  if (outcome.name.kind === 'incomplete') {
    await ctx.sohoa.reply(convertChatMessages.converted(line));
    const question = await startConvertNaming(
      db,
      namingKey(ctx),
      campaign,
      { original, known: outcome.name.known, pdf: outcome.pdf },
      clock.now(),
    );
    return askNaming(ctx, question);
  }
  await recordConvertedSamples(
    db,
    { campaign, sender, inboxId },
    [{ fileName: outcome.name.name, pdf: outcome.pdf, verdict: outcome.verdict }],
    clock.now(),
  );
  await sendPdf(ctx, outcome.name.name, outcome.pdf, convertChatMessages.converted(line));
}

/** Answers a converted archive: every file's line, then one ZIP of the PDFs (kept for a reporter's commune). */
export async function replyConvertedBatch(
  ctx: ChatContext,
  sender: SampleSender,
  archiveName: string,
  batch: BatchResult,
): Promise<void> {
  const lines = batch.items.map((item) => convertLine(item.outcome));
  const made = batch.items.filter((item) => item.outcome.kind !== 'refused');
  // Nothing converted: the archive's own summary already says what is wrong with each file.
  if (made.length === 0) return;
  const { db, clock, campaign, inboxId } = ctx.sohoa;
  await recordConvertedSamples(
    db,
    { campaign, sender, inboxId },
    made.flatMap(({ outcome }) =>
      outcome.kind === 'converted' && outcome.name.kind === 'rule'
        ? [{ fileName: outcome.name.name, pdf: outcome.pdf, verdict: outcome.verdict }]
        : [],
    ),
    clock.now(),
  );
  await ctx.sohoa.reply(convertChatMessages.batch(lines, made.length, batch.items.length));
  await ctx.sohoa.replyDocument(convertChatMessages.batchFileName(archiveName), batch.zip);
}
