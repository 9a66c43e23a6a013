/** The kind of chat a message came from, as every platform has it: one person, or a group. */
export type ChatKind = 'private' | 'group';

/** A file a person sent, as the platform announced it (nothing downloaded yet). */
export interface IncomingFile {
  /** The platform's handle to fetch it with (Telegram's file_id, a Zalo URL…). */
  readonly ref: string;
  /** The name the sender's device gave it, NFC; undefined when the platform gave none. */
  readonly name: string | undefined;
  readonly mimeType: string | undefined;
  /** Declared size in bytes, when the platform says it before the download. */
  readonly size: number | undefined;
  /** What the person wrote with the file or photo (a case's name, for the converter), NFC. */
  readonly caption?: string;
}

/** What a person did, in the terms every channel can express. */
export type ChatInput =
  /** `/name args`; `name` is lower case, without a `@bot` suffix. */
  | { readonly kind: 'command'; readonly command: string; readonly args: string; readonly text: string }
  | { readonly kind: 'text'; readonly text: string }
  /** A press on one of the choices a message offered (a button, a numbered option). */
  | { readonly kind: 'choice'; readonly data: string; readonly messageId: number | undefined }
  | { readonly kind: 'file'; readonly file: IncomingFile }
  /** A picture sent as a photo (compressed by the platform); `file` when the channel can fetch it. */
  | { readonly kind: 'photo'; readonly file?: IncomingFile }
  /**
   * Something the person sent that the platform would not pass on (Zalo Bot delivers no files, only
   * «unsupported»): they are told how to send it instead.
   */
  | { readonly kind: 'unsupported' }
  /** The bot was just added to a group. */
  | { readonly kind: 'added_to_group' }
  /** Anything else a channel delivers (stickers, a command for another bot…). */
  | { readonly kind: 'other' };

/** One update from any channel, stripped of the platform's shape: what the chat features handle. */
export interface ChatMessage {
  readonly platform: string;
  readonly updateId: number;
  readonly chat: { readonly id: string; readonly kind: ChatKind; readonly title: string | undefined };
  /** The person who acted; undefined for updates with no sender. */
  readonly from: { readonly id: string; readonly name: string } | undefined;
  readonly input: ChatInput;
  /** Set when the person edited a message sent before: when that message was first sent. */
  readonly editOf?: { readonly sentAt: Date };
}
