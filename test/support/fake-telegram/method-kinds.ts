// Which Bot API methods count as "sending" matters for three things: the rate limiter, the delivered
// log, and where probabilistic faults apply by default. Telegram's limits are about messages, so
// polling, webhook management and chat actions stay out.

/** A method that puts a new message in a chat (what Telegram's flood limits count). */
export function isSendMethod(method: string): boolean {
  return (
    (method.startsWith('send') && method !== 'sendChatAction') ||
    method === 'copyMessage' ||
    method === 'forwardMessage'
  );
}

/** A method that changes what a user sees: sends, edits, callback answers, deletions. */
export function isMessageMethod(method: string): boolean {
  return (
    isSendMethod(method) ||
    method.startsWith('edit') ||
    method === 'answerCallbackQuery' ||
    method === 'deleteMessage' ||
    method === 'sendChatAction'
  );
}
