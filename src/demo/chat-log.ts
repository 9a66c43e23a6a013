import type { Clock } from '../domain/clock.js';
import type { DemoChannel } from './demo-channels.js';

/** Who a chat belongs to in the demo. */
export type ChatRole = 'commune' | 'coordinator' | 'leader' | 'group';

/** A chat the demo plays, as the transcript names it. */
export interface ChatInfo {
  readonly id: number;
  readonly title: string;
  readonly role: ChatRole;
  /** File-system-safe name, unique among chats. */
  readonly slug: string;
  /** The app the chat is in. */
  readonly channel: DemoChannel;
  /** Files the bot delivers here are saved with the day's outputs (the leaders' evening packages). */
  readonly keepsFiles?: boolean;
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

/** A file as a platform received it from the bot. */
export interface DeliveredFile {
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly size: number;
}

/** One thing the bot delivered to a chat, as the platform (a fake) recorded it. */
export interface BotDelivery {
  readonly chatId: number;
  readonly kind: 'text' | 'edit' | 'photo' | 'document';
  /** Text or caption. */
  readonly text: string;
  readonly buttons?: readonly (readonly string[])[];
  readonly file?: DeliveredFile;
}

/** A platform's record of what the bot delivered: each call returns what arrived since the last one. */
export interface DeliverySource {
  take(): readonly BotDelivery[];
}

/**
 * A source over a fake platform's growing record (`items()`, appended to as the bot calls it): each take
 * reads the records added since the last one, as deliveries.
 */
export function deliverySource<T>(
  items: () => readonly T[],
  deliveriesOf: (item: T) => readonly BotDelivery[],
): DeliverySource {
  let cursor = 0;
  return {
    take: () => {
      const added = items().slice(cursor);
      cursor += added.length;
      return added.flatMap(deliveriesOf);
    },
  };
}

/** Saves a file the bot delivered to a group; returns its path relative to the output folder. */
export type FileKeeper = (chat: ChatInfo, at: Date, file: DeliveredFile) => Promise<string>;

/**
 * Every chat in campaign time. Users' actions are noted as the demo makes them; the bot's side is read
 * from what the fake platforms actually received, so the transcript shows deliveries, not intentions.
 */
export class ChatLog {
  readonly #chats = new Map<number, ChatInfo>();
  readonly #entries: ChatEntry[] = [];

  constructor(
    private readonly sources: readonly DeliverySource[],
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

  /** Reads what the bot delivered since the last harvest and logs it, saving the files of kept chats. */
  async harvest(keep: FileKeeper): Promise<void> {
    for (const source of this.sources) for (const delivery of source.take()) await this.#log(delivery, keep);
  }

  async #log(delivery: BotDelivery, keep: FileKeeper): Promise<void> {
    const at = this.clock.now();
    const { chatId, kind, text, buttons, file } = delivery;
    const base = { at, chatId, side: 'bot', speaker: this.botName, kind, text } as const;
    if (!file) {
      this.#push({ ...base, ...(buttons ? { buttons } : {}) });
      return;
    }
    const chat = this.#chats.get(chatId);
    const kept = chat?.role === 'group' || chat?.keepsFiles === true;
    const savedPath = chat && kept ? await keep(chat, at, file) : undefined;
    this.#push({
      ...base,
      fileName: file.fileName,
      size: file.size,
      ...(savedPath === undefined ? {} : { savedPath }),
    });
  }

  #push(entry: Omit<ChatEntry, 'seq'>): void {
    this.#entries.push({ seq: this.#entries.length + 1, ...entry });
  }
}
