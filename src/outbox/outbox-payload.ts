// The outbox holds channel-neutral payloads: each channel's delivery turns them into its own API calls
// (Telegram: inline keyboards, 4,096-character texts; Zalo: numbered choices, 2,000 characters).

/** One choice a message offers: the label shown and the data that comes back when it is picked. */
export interface OutboxChoice {
  readonly label: string;
  readonly data: string;
}

/** A text message, optionally with rows of choices. */
export interface TextPayload {
  readonly text: string;
  readonly choices?: readonly (readonly OutboxChoice[])[];
}

/**
 * An edit of a message sent before: named by the platform's message id when it is known, or by the
 * dedupe key of the outbox row that sent it (resolved at send time).
 */
export interface EditPayload extends TextPayload {
  readonly message_id?: number;
  readonly ref_dedupe_key?: string;
}

/** A photo or document; its bytes are the row's attachment. */
export interface FilePayload {
  readonly fileName: string;
  readonly caption?: string;
}

/** One image of an album: its name and its length in the row's attachment. */
export interface AlbumItem {
  readonly fileName: string;
  readonly bytes: number;
}

/**
 * Several images shown together (Telegram: an album; a channel without albums sends them one by one).
 * The row's attachment holds the images' bytes one after another, in `items` order: one bytea column
 * and one row keep the album atomic in the outbox without a second table.
 */
export interface AlbumPayload {
  readonly items: readonly AlbumItem[];
  /** Shown with the first image. */
  readonly caption?: string;
}

/** A command a chat's menu offers: its name without the slash, and what it does. */
export interface MenuCommand {
  readonly command: string;
  readonly description: string;
}

/** The commands a person's own chat offers (Telegram: the "/" menu); a channel without menus skips it. */
export interface MenuPayload {
  readonly commands: readonly MenuCommand[];
}

/** Splits an album row's attachment back into its images. */
export function albumImages(
  payload: AlbumPayload,
  attachment: Buffer,
): { fileName: string; bytes: Buffer }[] {
  let offset = 0;
  return payload.items.map((item) => {
    const bytes = attachment.subarray(offset, offset + item.bytes);
    offset += item.bytes;
    if (bytes.length !== item.bytes) throw new Error(`album attachment too short for ${item.fileName}`);
    return { fileName: item.fileName, bytes };
  });
}

/** The payload and attachment of an album of `images`. */
export function albumOf(
  images: readonly { fileName: string; bytes: Buffer }[],
  caption?: string,
): { payload: AlbumPayload; attachment: Buffer } {
  return {
    payload: {
      items: images.map((i) => ({ fileName: i.fileName, bytes: i.bytes.length })),
      ...(caption === undefined ? {} : { caption }),
    },
    attachment: Buffer.concat(images.map((i) => i.bytes)),
  };
}
