import type { Message } from 'telegraf/types';
import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import type { ConversationKey } from '../db/conversation.repository.js';
import type { ManualClock } from '../domain/clock.js';
import { addDays, instantAt } from '../domain/local-time.js';
import { choiceNumber } from '../services/demo-facts.service.js';
import type { GroupLike, UserLike } from '../../test/support/fake-telegram/index.js';
import type { ChatLog } from './chat-log.js';
import type { MomentLog } from './chat-moments.js';
import { asZaloUserTypesIt, type DemoChannel } from './demo-channels.js';
import type { DemoRandom } from './demo-random.js';
import type { DemoStage } from './demo-stage.js';
import type { DemoTally } from './demo-tally.js';
import type { SampleFile } from './sample-scan-builder.js';
import { personalLinkIn, uploadThroughLink } from './web-upload-visit.js';

/** How a person reads the upload page's verdict marks. */
const UPLOAD_VERDICTS: Readonly<Record<string, string>> = {
  accepted: 'đạt',
  warnings: 'đạt, có lưu ý',
  rejected: 'không đạt',
};

/** A file sent on Zalo Bot, waiting for the bot's answer with the upload link. */
interface PendingUpload {
  readonly user: UserLike;
  readonly file: SampleFile;
  readonly mark: number;
}

/**
 * What the actors share: the fake platforms to act through, the database to learn what the service did
 * (never the wording of its answers), the log, the clock and the campaign. Each person uses one app
 * (`channels`; Telegram unless set): the world sends what they do through it, as that app's user would.
 */
export class DemoWorld {
  readonly #channels = new Map<number, DemoChannel>();
  #inbound: Promise<void> = Promise.resolve();
  #uploads: PendingUpload[] = [];

  constructor(
    readonly db: Db,
    readonly stage: DemoStage,
    readonly log: ChatLog,
    readonly clock: ManualClock,
    readonly campaign: Campaign,
    readonly random: DemoRandom,
    readonly tally: DemoTally,
    /** What the people set out to do, as data: the guide pictures are picked by it. */
    readonly moments: MomentLog,
  ) {}

  /** The fake Telegram (groups, buttons). */
  get api() {
    return this.stage.api;
  }

  /** Puts a person on an app. */
  use(user: UserLike, channel: DemoChannel): void {
    this.#channels.set(user.id, channel);
  }

  /** The app a person (or a private chat, by its id) uses. */
  channelOf(user: UserLike | number): DemoChannel {
    return this.#channels.get(typeof user === 'number' ? user : user.id) ?? 'telegram';
  }

  /** The local date of a campaign day (1 = the first day; 0 = the day before). */
  dateOf(day: number): string {
    return addDays(this.campaign.settings.startDate, day - 1);
  }

  /** The instant of a local time on a date. */
  instant(date: string, time: string): Date {
    return instantAt(date, time, this.campaign.settings.timeZone);
  }

  /** A user types a message (in their private chat unless `group`, which is a Telegram group). */
  say(user: UserLike, text: string, group?: GroupLike): void {
    const channel = group ? 'telegram' : this.channelOf(user);
    const typed = channel === 'telegram' ? text : asZaloUserTypesIt(text);
    this.log.user(group?.id ?? user.id, user.first_name, 'text', typed);
    if (channel === 'telegram') this.api.sendText(user, typed, group);
    else if (channel === 'zalo-bot') this.#zaloBot().sendText(this.#zaloUser(user), typed).catch(this.#lost);
    else this.#toOa((oa) => oa.fake.userText(String(user.id), typed));
  }

  /**
   * A user sends a file in their private chat. On Zalo Bot the file never reaches the bot: the person
   * opens the link the bot answers with and uploads it on the web page (done once the answer arrived).
   */
  sendFile(user: UserLike, file: SampleFile): void {
    this.log.user(user.id, user.first_name, 'file', '', { name: file.fileName, size: file.bytes.length });
    switch (this.channelOf(user)) {
      case 'telegram':
        this.api.sendDocument(user, { fileName: file.fileName, bytes: file.bytes, mimeType: file.mimeType });
        return;
      case 'zalo-bot':
        this.#uploads.push({ user, file, mark: this.mark(user.id) });
        this.#zaloBot().sendUnsupported(this.#zaloUser(user)).catch(this.#lost);
        return;
      case 'zalo-oa':
        this.#toOa((oa) => oa.fake.userFile(String(user.id), file.fileName, file.bytes));
    }
  }

  /**
   * Lets the service take in and answer everything people did (`harvest` logs the answers), then does
   * what people do with the answers that send them elsewhere (the upload page), and lets it answer that.
   */
  async settle(harvest: () => Promise<void>): Promise<void> {
    await this.#inbound;
    await this.stage.settle();
    await harvest();
    const uploads = this.#uploads;
    this.#uploads = [];
    for (const upload of uploads) await this.#upload(upload);
    if (uploads.length === 0) return;
    await this.stage.settle();
    await harvest();
  }

  /** A user's private conversation with the bot, as the service keys it. */
  conversation(user: UserLike): ConversationKey {
    return { platform: this.channelOf(user), chatId: String(user.id), userId: String(user.id) };
  }

  /** Whether the bot said anything in a chat since a mark (what it said is not read). */
  replied(chatId: number, mark: number): boolean {
    return this.mark(chatId) > mark;
  }

  /** How many bot messages a chat holds now: a mark to read the answers after. */
  mark(chatId: number): number {
    return this.#texts(chatId).length;
  }

  /** The bot's Telegram messages in a chat since a mark, as they look now (edits applied). */
  since(chatId: number, mark: number): Message[] {
    return this.api.messagesTo(chatId).slice(mark);
  }

  /**
   * Picks the choice whose data starts with `prefix` under the newest bot message that offers it: presses
   * the button on Telegram; on Zalo answers with its number, read off the list. Returns false (and notes
   * an anomaly) when there is no such choice.
   */
  async press(user: UserLike, chatId: number, prefix: string): Promise<boolean> {
    const channel = chatId < 0 ? 'telegram' : this.channelOf(chatId);
    if (channel !== 'telegram') {
      const number = await choiceNumber(this.db, { platform: channel, chatId: String(chatId) }, prefix);
      if (number !== undefined) {
        this.say(user, String(number));
        return true;
      }
    } else if (this.#pressButton(user, chatId, prefix)) return true;
    this.tally.anomaly(`${user.first_name}: không thấy lựa chọn ${prefix} trong chat ${chatId}`);
    return false;
  }

  #pressButton(user: UserLike, chatId: number, prefix: string): boolean {
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
    return false;
  }

  /** What the bot sent to a private chat on its app (Telegram: groups too), as texts to count or read. */
  #texts(chatId: number): readonly string[] {
    const channel = chatId < 0 ? 'telegram' : this.channelOf(chatId);
    if (channel === 'zalo-bot') return this.#zaloBot().textsTo(String(chatId));
    if (channel === 'zalo-oa') return this.#oa().fake.textsTo({ userId: String(chatId) });
    return this.api.messagesTo(chatId).map((m) => ('text' in m ? m.text : ''));
  }

  async #upload({ user, file, mark }: PendingUpload): Promise<void> {
    const base = this.stage.webBaseUrl;
    const link = base
      ? this.#texts(user.id)
          .slice(mark)
          .map((t) => personalLinkIn(t, base))
          .find(Boolean)
      : undefined;
    if (!link) {
      this.tally.anomaly(`${user.first_name}: gửi tệp trên Zalo, bot không gửi link tải lên`);
      return;
    }
    const visit = await uploadThroughLink(link, file);
    if (visit.kind === 'failed') {
      this.tally.anomaly(
        `${user.first_name}: tải ${file.fileName} lên trang web lỗi ${visit.status} (${visit.step})`,
      );
      return;
    }
    const verdicts = visit.statuses.map((s) => UPLOAD_VERDICTS[s] ?? s).join(', ');
    this.log.user(
      user.id,
      user.first_name,
      'event',
      `mở link, tải ${file.fileName} lên trang web — trang báo: ${verdicts}`,
    );
  }

  /** Events to the OA are posted in order, each once the previous one was answered 200. */
  #toOa(event: (oa: NonNullable<DemoStage['zaloOa']>) => Record<string, unknown>): void {
    const oa = this.#oa();
    const signed = event(oa);
    this.#inbound = this.#inbound.then(async () => {
      const response = await oa.fake.post(oa.service.receiver, signed);
      if (response.status !== 200) this.tally.anomaly(`OA webhook trả lời ${response.status}`);
    });
  }

  #zaloUser(user: UserLike) {
    return this.#zaloBot().user(String(user.id), user.first_name);
  }

  #zaloBot() {
    const bot = this.stage.zaloBot;
    if (!bot) throw new Error('the demo stage runs no Zalo Bot');
    return bot;
  }

  #oa() {
    const oa = this.stage.zaloOa;
    if (!oa) throw new Error('the demo stage runs no Zalo OA');
    return oa;
  }

  readonly #lost = (error: unknown) => {
    this.tally.anomaly(`tin không tới được Zalo: ${error instanceof Error ? error.message : String(error)}`);
  };
}
