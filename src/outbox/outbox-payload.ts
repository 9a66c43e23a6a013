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
