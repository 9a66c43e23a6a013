import type { File } from 'telegraf/types';

/** A file Telegram's servers hold: uploaded by the bot, or sent by a user in a test. */
export interface StoredFile {
  readonly fileId: string;
  readonly fileUniqueId: string;
  readonly filePath: string;
  readonly kind: 'document' | 'photo';
  readonly bytes: Buffer;
  readonly fileName?: string;
  readonly mimeType?: string;
  /** Pixel size, for photos. */
  readonly width?: number;
  readonly height?: number;
}

/** Optional facts stored with a file. */
export type FileMeta = Pick<StoredFile, 'fileName' | 'mimeType' | 'width' | 'height'>;

/** What getFile returns for files above this size (Telegram's Bot API download limit). */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

/** Files by file_id and by file_path, for getFile, the download route and re-sending by id. */
export class FileStore {
  readonly #byId = new Map<string, StoredFile>();
  readonly #byPath = new Map<string, StoredFile>();
  #counter = 0;

  /** Store bytes under fresh ids and a Telegram-like path (`documents/file_3.pdf`, `photos/file_4.jpg`). */
  register(kind: StoredFile['kind'], bytes: Buffer, meta: FileMeta = {}): StoredFile {
    this.#counter += 1;
    const n = this.#counter;
    const extension =
      kind === 'photo'
        ? 'jpg'
        : (/\.([A-Za-z0-9]{1,8})$/.exec(meta.fileName ?? '')?.[1]?.toLowerCase() ?? 'dat');
    // Real ids are opaque base64url; a kind prefix and a counter keep them unique and readable.
    const prefix = kind === 'photo' ? 'AgACAgIAAxkBAAI' : 'BQACAgIAAxkBAAI';
    const file: StoredFile = {
      fileId: `${prefix}${n.toString(36).padStart(6, '0')}FAKE`,
      fileUniqueId: `AQAD${n.toString(36).padStart(6, '0')}`,
      filePath: `${kind === 'photo' ? 'photos' : 'documents'}/file_${n}.${extension}`,
      kind,
      bytes,
      ...(meta.fileName === undefined ? {} : { fileName: meta.fileName }),
      ...(meta.mimeType === undefined ? {} : { mimeType: meta.mimeType }),
      ...(meta.width === undefined || meta.height === undefined
        ? {}
        : { width: meta.width, height: meta.height }),
    };
    this.#byId.set(file.fileId, file);
    this.#byPath.set(file.filePath, file);
    return file;
  }

  /** The file with this file_id, if any. */
  byId(fileId: string): StoredFile | undefined {
    return this.#byId.get(fileId);
  }

  /** The file served at this download path, if any. */
  byPath(filePath: string): StoredFile | undefined {
    return this.#byPath.get(filePath);
  }

  /** The Bot API `File` object for getFile. */
  static toApiFile(file: StoredFile): File {
    return {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.bytes.length,
      file_path: file.filePath,
    };
  }
}

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  zip: 'application/zip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Telegram guesses a document's mime_type from its name when the upload does not say. */
export function guessMimeType(fileName: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}
