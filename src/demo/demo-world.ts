import type { Message } from 'telegraf/types';
import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import type { ConversationKey } from '../db/conversation.repository.js';
import type { ManualClock } from '../domain/clock.js';
import { addDays, instantAt } from '../domain/local-time.js';
import type { FakeBotApi, GroupLike, UserLike } from '../../test/support/fake-telegram/index.js';
import type { ChatLog } from './chat-log.js';
import type { MomentLog } from './chat-moments.js';
import type { DemoRandom } from './demo-random.js';
import type { DemoTally } from './demo-tally.js';
import type { SampleFile } from './sample-scan-builder.js';

/** The platform the demo's people use (the fake Telegram); the service stores ids under it. */
export const DEMO_PLATFORM = 'telegram';

/**
 * What the actors share: the fake Telegram to act through, the database to learn what the service did
 * (never the wording of its answers), the log, the clock and the campaign.
 */
export class DemoWorld {
  constructor(
    readonly db: Db,
    readonly api: FakeBotApi,
    readonly log: ChatLog,
    readonly clock: ManualClock,
    readonly campaign: Campaign,
    readonly random: DemoRandom,
    readonly tally: DemoTally,
    /** What the people set out to do, as data: the guide pictures are picked by it. */
    readonly moments: MomentLog,
  ) {}

  /** The local date of a campaign day (1 = the first day; 0 = the day before). */
  dateOf(day: number): string {
    return addDays(this.campaign.settings.startDate, day - 1);
  }

  /** The instant of a local time on a date. */
  instant(date: string, time: string): Date {
    return instantAt(date, time, this.campaign.settings.timeZone);
  }

  /** A user types a message (in their private chat unless `group`). */
  say(user: UserLike, text: string, group?: GroupLike): void {
    this.api.sendText(user, text, group);
    this.log.user(group?.id ?? user.id, user.first_name, 'text', text);
  }

  /** A user sends a file in their private chat. */
  sendFile(user: UserLike, file: SampleFile): void {
    this.api.sendDocument(user, { fileName: file.fileName, bytes: file.bytes, mimeType: file.mimeType });
    this.log.user(user.id, user.first_name, 'file', '', { name: file.fileName, size: file.bytes.length });
  }

  /** A user's private conversation with the bot, as the service keys it. */
  conversation(user: UserLike): ConversationKey {
    return { platform: DEMO_PLATFORM, chatId: String(user.id), userId: String(user.id) };
  }

  /** Whether the bot said anything in a chat since a mark (what it said is not read). */
  replied(chatId: number, mark: number): boolean {
    return this.since(chatId, mark).length > 0;
  }

  /** How many bot messages a chat holds now: a mark to read the answers after. */
  mark(chatId: number): number {
    return this.api.messagesTo(chatId).length;
  }

  /** The bot's messages in a chat since a mark, as they look now (edits applied). */
  since(chatId: number, mark: number): Message[] {
    return this.api.messagesTo(chatId).slice(mark);
  }

  /**
   * Presses the button whose callback data starts with `prefix` on the newest bot message that has one.
   * Returns false (and notes an anomaly) when there is no such button.
   */
  press(user: UserLike, chatId: number, prefix: string): boolean {
    const messages = this.api.messagesTo(chatId);
    for (let i = messages.length - 1; i >= 0; i--) {
      const message = messages[i];
      if (!message || !('reply_markup' in message)) continue;
      const button = (message.reply_markup?.inline_keyboard ?? [])
        .flat()
        .find((b) => 'callback_data' in b && b.callback_data.startsWith(prefix));
      if (!button || !('callback_data' in button)) continue;
      this.api.pressButton(user, message, button.callback_data);
      this.log.user(chatId, user.first_name, 'button', button.text);
      return true;
    }
    this.tally.anomaly(`${user.first_name}: không thấy nút ${prefix} trong chat ${chatId}`);
    return false;
  }
}
