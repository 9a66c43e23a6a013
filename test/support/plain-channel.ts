import type { Channel, DownloadResult } from '../../src/channels/channel.js';
import type { ChatInput, ChatKind, ChatMessage } from '../../src/channels/chat-message.js';
import type { OutboxRow } from '../../src/db/outbox.table.js';

/** A raw update of the plain channel: already neutral, like a platform with a simple JSON webhook. */
export interface PlainUpdate {
  readonly id: number;
  readonly chat: { id: string; kind: ChatKind; title?: string };
  readonly from: { id: string; name: string };
  readonly input: ChatInput;
}

/** What the plain channel delivered, in order. */
export interface PlainDelivery {
  readonly chatId: string;
  readonly kind: OutboxRow['kind'];
  readonly payload: unknown;
  readonly attachment: Buffer | null;
}

/**
 * A second channel for tests: nothing of Telegram in it. It proves that the chat features, the inbox
 * and the outbox work for any platform behind the Channel interface. `onDownload` runs inside every
 * download, so a test can look at the database while the slow work happens.
 */
export class PlainChannel implements Channel {
  readonly platform = 'plain';
  readonly limits = { textLength: 500, captionLength: 100, downloadBytes: 1_000_000 };
  readonly delivered: PlainDelivery[] = [];
  readonly files = new Map<string, Buffer>();
  onDownload: (() => Promise<void>) | undefined;
  #nextMessageId = 1;

  toChatMessage(update: unknown): ChatMessage | undefined {
    const u = update as PlainUpdate;
    return {
      platform: this.platform,
      updateId: u.id,
      chat: { id: u.chat.id, kind: u.chat.kind, title: u.chat.title },
      from: u.from,
      input: u.input,
    };
  }

  chatKindOf(chatId: string): ChatKind {
    return chatId.startsWith('g') ? 'group' : 'private';
  }

  chatIdOf(update: unknown): string | undefined {
    return (update as PlainUpdate).chat.id;
  }

  async download(ref: string, maxBytes: number): Promise<DownloadResult> {
    await this.onDownload?.();
    const bytes = this.files.get(ref);
    if (!bytes) throw new Error(`no file ${ref}`);
    return bytes.length > maxBytes
      ? { ok: false, reason: 'too_large', size: bytes.length }
      : { ok: true, bytes };
  }

  async deliver(row: OutboxRow): Promise<unknown> {
    this.delivered.push({
      chatId: row.chat_id,
      kind: row.kind,
      payload: row.payload,
      attachment: row.attachment,
    });
    return { message_id: this.#nextMessageId++ };
  }

  classifyError(): { kind: 'permanent' } {
    return { kind: 'permanent' };
  }

  async acknowledge(): Promise<void> {}

  /** Texts delivered to a chat, in order. */
  textsTo(chatId: string): string[] {
    return this.delivered
      .filter((d) => d.chatId === chatId && (d.kind === 'text' || d.kind === 'edit'))
      .map((d) => (d.payload as { text: string }).text);
  }
}

/** The plain channel's size limits. */
type PlainLimits = Pick<PlainChannel['limits'], 'textLength' | 'captionLength' | 'downloadBytes'>;

/** The plain channel with numbered choices, as Zalo has them: the person types the number. */
export class NumberedChannel extends PlainChannel {
  override readonly limits: PlainLimits & { choiceStyle: 'numbers' };

  constructor(limits: Partial<PlainLimits> = {}) {
    super();
    this.limits = {
      textLength: 500,
      captionLength: 100,
      downloadBytes: 1_000_000,
      ...limits,
      choiceStyle: 'numbers',
    };
  }
}
