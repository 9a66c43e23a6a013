import type { Clock } from '../domain/clock.js';
import type { FakeBotApi, RecordedCall, UploadedFile } from '../../test/support/fake-telegram/index.js';

/** Who a chat belongs to in the demo. */
export type ChatRole = 'commune' | 'coordinator' | 'leader' | 'group';

/** A chat the demo plays, as the transcript names it. */
export interface ChatInfo {
  readonly id: number;
  readonly title: string;
  readonly role: ChatRole;
  /** File-system-safe name, unique among chats. */
  readonly slug: string;
}

/** What kind of line a chat entry is. */
export type EntryKind = 'text' | 'file' | 'button' | 'event' | 'photo' | 'document' | 'edit';

/** One line of a chat, in campaign time: a user's message, file or button, or the bot's. */
export interface ChatEntry {
  readonly seq: number;
  readonly at: Date;
  readonly chatId: number;
  readonly side: 'user' | 'bot';
  readonly speaker: string;
  readonly kind: EntryKind;
  /** Text, caption, the label of the pressed button, or what happened (`event`: added the bot…). */
  readonly text: string;
  readonly fileName?: string;
  /** Where a file the bot sent to a group was saved, relative to the output folder. */
  readonly savedPath?: string;
  /** Size of a file, in bytes. */
  readonly size?: number;
  /** Labels of the inline buttons under a bot message, by row. */
  readonly buttons?: readonly (readonly string[])[];
}

/** The labels of an inline keyboard as sent (`reply_markup.inline_keyboard`). */
function buttonLabels(markup: unknown): string[][] | undefined {
  const rows = (markup as { inline_keyboard?: { text?: unknown }[][] } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows) || rows.length === 0) return undefined;
  return rows.map((row) => row.map((button) => String(button.text ?? '')));
}

/** Saves a file the bot delivered to a group; returns its path relative to the output folder. */
export type FileKeeper = (chat: ChatInfo, at: Date, file: UploadedFile) => Promise<string>;

const FILE_METHODS: Record<string, EntryKind> = { sendPhoto: 'photo', sendDocument: 'document' };

/** The uploaded photos and documents of an album (`sendMediaGroup`), in order, with their captions. */
function albumItems(call: RecordedCall): { kind: EntryKind; text: string; file: UploadedFile }[] {
  const media = call.params.media;
  if (!Array.isArray(media)) return [];
  return media.flatMap((item: { type?: unknown; media?: unknown; caption?: unknown }) => {
    const name = typeof item.media === 'string' ? item.media.replace(/^attach:\/\//, '') : '';
    const file = call.files.find((f) => f.field === name);
    const kind = item.type === 'photo' ? 'photo' : item.type === 'document' ? 'document' : undefined;
    return file && kind ? [{ kind, text: typeof item.caption === 'string' ? item.caption : '', file }] : [];
  });
}

/**
 * Every chat in campaign time. Users' actions are noted as the demo makes them; the bot's side is read
 * from what the fake Telegram actually received, so the transcript shows deliveries, not intentions.
 */
export class ChatLog {
  readonly #chats = new Map<number, ChatInfo>();
  readonly #entries: ChatEntry[] = [];
  #cursor = 0;

  constructor(
    private readonly api: FakeBotApi,
    private readonly clock: Clock,
    private readonly botName: string,
  ) {}

  /** Makes a chat known by id. */
  addChat(chat: ChatInfo): void {
    this.#chats.set(chat.id, chat);
  }

  /** The chat with this id, if the demo plays it. */
  chat(id: number): ChatInfo | undefined {
    return this.#chats.get(id);
  }

  /** Every chat, in the order they were added. */
  get chats(): readonly ChatInfo[] {
    return [...this.#chats.values()];
  }

  /** Every entry so far, in order. */
  get entries(): readonly ChatEntry[] {
    return this.#entries;
  }

  /** Notes what a user did, now. */
  user(
    chatId: number,
    speaker: string,
    kind: 'text' | 'file' | 'button' | 'event',
    text: string,
    file?: { readonly name: string; readonly size: number },
  ): void {
    this.#push({
      at: this.clock.now(),
      chatId,
      side: 'user',
      speaker,
      kind,
      text,
      ...(file === undefined ? {} : { fileName: file.name, size: file.size }),
    });
  }

  /** Reads the bot's calls since the last harvest and logs what reached a chat, saving group files. */
  async harvest(keep: FileKeeper): Promise<void> {
    const calls = this.api.sent;
    for (; this.#cursor < calls.length; this.#cursor++) {
      const call = calls[this.#cursor];
      if (call) await this.#logCall(call, keep);
    }
  }

  async #logCall(call: RecordedCall, keep: FileKeeper): Promise<void> {
    if (!call.ok || typeof call.chatId !== 'number') return;
    const at = this.clock.now();
    const base = { at, chatId: call.chatId, side: 'bot', speaker: this.botName } as const;
    if (call.method === 'sendMessage' || call.method === 'editMessageText') {
      const buttons = buttonLabels(call.replyMarkup ?? call.params.reply_markup);
      this.#push({
        ...base,
        kind: call.method === 'sendMessage' ? 'text' : 'edit',
        text: call.text ?? '',
        ...(buttons ? { buttons } : {}),
      });
      return;
    }
    if (call.method === 'sendMediaGroup') {
      for (const item of albumItems(call))
        await this.#logFile(call.chatId, item.kind, item.text, item.file, keep);
      return;
    }
    const kind = FILE_METHODS[call.method];
    const file = call.files[0];
    if (kind && file) await this.#logFile(call.chatId, kind, call.text ?? '', file, keep);
  }

  async #logFile(chatId: number, kind: EntryKind, text: string, file: UploadedFile, keep: FileKeeper) {
    const at = this.clock.now();
    const chat = this.#chats.get(chatId);
    const savedPath = chat?.role === 'group' ? await keep(chat, at, file) : undefined;
    this.#push({
      at,
      chatId,
      side: 'bot',
      speaker: this.botName,
      kind,
      text,
      fileName: file.fileName,
      size: file.size,
      ...(savedPath === undefined ? {} : { savedPath }),
    });
  }

  #push(entry: Omit<ChatEntry, 'seq'>): void {
    this.#entries.push({ seq: this.#entries.length + 1, ...entry });
  }
}
