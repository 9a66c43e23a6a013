import type { ChatInput } from '../../src/channels/chat-message.js';
import type { Campaign } from '../../src/domain/campaign.js';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { insertInboxUpdate } from '../../src/db/inbox.repository.js';
import { testChatRuntime } from './test-chat-runtime.js';
import type { PlainChannel, PlainUpdate } from './plain-channel.js';

/** Hands one update to the bot and returns the last text its chat received. */
export type PlainDeliver = (update: Omit<PlainUpdate, 'id'>) => Promise<string>;

/**
 * The real bot and sender on a plain channel over campaigns already loaded (the default first). Each
 * update is stored as its webhook would store it (numbered in order), handled, and its replies delivered.
 */
export function startPlainChat(
  db: Db,
  clock: ManualClock,
  channel: PlainChannel,
  campaigns: readonly Campaign[],
): PlainDeliver {
  const { processor, sender } = testChatRuntime({ db, clock, channels: [channel], campaigns });
  let updateId = 0;
  return async (update) => {
    await insertInboxUpdate(db, {
      platform: channel.platform,
      update_id: ++updateId,
      payload: { id: updateId, ...update },
      received_at: clock.now(),
    });
    await processor.drain();
    await sender.drain();
    return channel.textsTo(update.chat.id).at(-1) ?? '';
  };
}

/** A typed command in the neutral form: its first word (without the slash) the command, the rest its arguments. */
export function commandInput(text: string): ChatInput {
  const [head = '', ...rest] = text.slice(1).split(' ');
  return { kind: 'command', command: head, args: rest.join(' '), text };
}
