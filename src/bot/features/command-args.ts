import type { ChatContext } from '../chat-context.js';

/** The text after the command (trimmed; empty when none or when the update is not a command). */
export function commandArgs(ctx: ChatContext): string {
  return ctx.message.input.kind === 'command' ? ctx.message.input.args : '';
}

/** The sender's platform id ('' for updates without a sender). */
export function senderId(ctx: ChatContext): string {
  return ctx.message.from?.id ?? '';
}

/** The sender's name on the platform ('' when it gave none: the greeting then says only "anh/chị"). */
export function senderName(ctx: ChatContext): string {
  return ctx.message.from?.name ?? '';
}
