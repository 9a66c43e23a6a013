import type { ChatMessage } from '../../channels/chat-message.js';
import { findLastChoicesSent } from '../../db/choice-lookup.repository.js';
import { foldWord } from '../../domain/text-normalize.js';
import { ChatComposer } from '../chat-composer.js';
import type { ChatContext } from '../chat-context.js';

/** «1», « 2 », «số 3», «#2», «3.»: a reply that is only the number of a choice. */
const NUMBER_REPLY = /^(?:so\s*|#\s*)?(\d{1,2})\s*[.)!]?$/u;

/** The choice number a text stands for, if it is nothing but one. */
export function readChoiceNumber(text: string): number | undefined {
  const match = NUMBER_REPLY.exec(foldWord(text.trim()));
  return match ? Number(match[1]) : undefined;
}

/**
 * On channels whose choices are numbered (limits.choiceStyle 'numbers'), a reply that is just a number
 * picks that choice of the last message with choices the bot sent to the chat (in a private chat, only
 * if nothing was sent after it; see findLastChoicesSent): the update is handed to the features
 * again as the `choice` a button press would have been, so each choice handler applies its own rules
 * (a confirmation that has expired is stale; only the person who reported may confirm). A number when
 * the last message offered no choice, or none with that number, is left to the other features (a
 * step-by-step report's answer, a bare figure). `features` is the bot's whole chain, read when needed.
 */
export function numberedChoiceFeature(features: () => readonly ChatComposer[]): ChatComposer {
  const composer = new ChatComposer();
  composer.on('text', async (ctx, next) => {
    const { input, chat } = ctx.message;
    if (input.kind !== 'text' || ctx.sohoa.limits.choiceStyle !== 'numbers') return next();
    const number = readChoiceNumber(input.text);
    if (number === undefined) return next();
    const choices = await findLastChoicesSent(ctx.sohoa.db, {
      platform: ctx.sohoa.platform,
      chatId: chat.id,
      kind: chat.kind,
    });
    const picked = choices?.[number - 1];
    if (!picked) return next();
    // No platform message id: an answer to a numbered choice is a new message, never an edit.
    const message: ChatMessage = {
      ...ctx.message,
      input: { kind: 'choice', data: picked.data, messageId: undefined },
    };
    const picking: ChatContext = { message, sohoa: ctx.sohoa, match: undefined };
    const chain = features().map((f) => f.middleware());
    const run = (i: number): Promise<void> => {
      const handler = chain[i];
      return handler ? handler(picking, () => run(i + 1)) : next();
    };
    return run(0);
  });
  return composer;
}
