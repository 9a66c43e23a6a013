import { badRequest } from './bot-api-error.js';

/** A file the bot uploaded in a multipart request. */
export interface UploadedFile {
  /** The form field that carried it (`photo`, `document`, or an `attach://` name). */
  readonly field: string;
  readonly fileName: string;
  readonly mimeType?: string;
  readonly bytes: Buffer;
  readonly size: number;
}

// Fields that arrive JSON-encoded in urlencoded and multipart bodies (telegraf stringifies them).
const JSON_FIELDS = new Set([
  'reply_markup',
  'entities',
  'caption_entities',
  'allowed_updates',
  'commands',
  'scope',
  'link_preview_options',
  'reply_parameters',
  'media',
]);

/**
 * The parameters of one Bot API call, whatever encoding carried them. Values from forms are
 * strings, from JSON typed; the getters coerce the way Telegram does and fail with its 400s.
 */
export class ApiParams {
  constructor(
    private readonly fields: ReadonlyMap<string, unknown>,
    private readonly uploads: ReadonlyMap<string, UploadedFile> = new Map(),
  ) {}

  /** True when the field is present and not null. */
  has(name: string): boolean {
    const value = this.fields.get(name);
    return value !== undefined && value !== null;
  }

  /** A string field; numbers and booleans are stringified as Telegram does. */
  string(name: string): string | undefined {
    const value = this.fields.get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw badRequest(`field "${name}" must be of type String`);
  }

  /** A number field (integer or not). */
  number(name: string): number | undefined {
    const value = this.fields.get(name);
    if (value === undefined || value === null || value === '') return undefined;
    const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    if (!Number.isFinite(parsed)) throw badRequest(`field "${name}" must be a Number`);
    return parsed;
  }

  /** An integer field. */
  int(name: string): number | undefined {
    const value = this.number(name);
    if (value !== undefined && !Number.isInteger(value))
      throw badRequest(`field "${name}" must be an Integer`);
    return value;
  }

  /** A boolean field; forms send "true"/"false". */
  bool(name: string): boolean | undefined {
    const value = this.fields.get(name);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === '1' || value === 1) return true;
    if (value === 'false' || value === '0' || value === 0) return false;
    throw badRequest(`field "${name}" must be of type Boolean`);
  }

  /** A JSON-serialized field, decoded. */
  json(name: string): unknown {
    const value = this.fields.get(name);
    if (typeof value !== 'string') return value ?? undefined;
    if (value === '') return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw badRequest(`can't parse ${name.replace(/_/g, ' ')} JSON object`);
    }
  }

  /** `chat_id`: an integer or an `@username`; required. */
  chatId(name = 'chat_id'): number | string {
    const value = this.fields.get(name);
    if (value === undefined || value === null || value === '') throw badRequest(`${name} is empty`);
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
    if (typeof value === 'string' && value.startsWith('@')) return value;
    throw badRequest('chat not found');
  }

  /** An InputFile field: the upload (direct or via `attach://name`) or the file_id / URL string. */
  inputFile(name: string): UploadedFile | string | undefined {
    const direct = this.uploads.get(name);
    if (direct !== undefined) return direct;
    const value = this.string(name);
    if (value === undefined || value === '') return undefined;
    return this.attachment(value);
  }

  /** A file reference from inside a JSON field (a media group's `media`): `attach://name`, file_id or URL. */
  attachment(value: string): UploadedFile | string {
    if (!value.startsWith('attach://')) return value;
    const attached = this.uploads.get(value.slice('attach://'.length));
    if (attached === undefined) throw badRequest(`file "${value}" is not found in the request`);
    return attached;
  }

  /**
   * The same call with every text and caption the bot wrote rewritten by `reword` (also an album's
   * captions): how a test changes the bot's wording without touching the bot.
   */
  withReworded(reword: (text: string) => string): ApiParams {
    const fields = new Map(this.fields);
    for (const name of ['text', 'caption']) {
      const value = fields.get(name);
      if (typeof value === 'string' && value !== '') fields.set(name, reword(value));
    }
    const media = this.json('media');
    if (Array.isArray(media))
      fields.set(
        'media',
        media.map((item: unknown) =>
          typeof item === 'object' && item !== null && 'caption' in item && typeof item.caption === 'string'
            ? { ...item, caption: reword(item.caption) }
            : item,
        ),
      );
    return new ApiParams(fields, this.uploads);
  }

  /** Every uploaded file, in the order they arrived. */
  get uploadedFiles(): readonly UploadedFile[] {
    return [...this.uploads.values()];
  }

  /** A plain view for the recorder: JSON fields decoded, uploads summarized without bytes. */
  toRecord(): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const [key, value] of this.fields) {
      record[key] = JSON_FIELDS.has(key) && typeof value === 'string' ? safeJson(value) : value;
    }
    for (const [key, file] of this.uploads) record[key] = { fileName: file.fileName, size: file.size };
    return record;
  }
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
