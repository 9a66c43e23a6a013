import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localDate } from '../domain/local-time.js';
import { formatKilobytes } from '../messages/file-problem-messages.js';
import { formatTime } from '../messages/vi-format.js';
import type { ChatEntry } from './chat-log.js';
import type { ChatBubble, ChatNotice } from './chat-image-renderer.js';
import { dayHeading } from './transcript-writer.js';

function fileDetail(entry: ChatEntry): string {
  const kind = entry.fileName?.toLowerCase().endsWith('.pdf') ? 'PDF' : 'tệp';
  return entry.size === undefined ? kind : `${formatKilobytes(entry.size)} KB · ${kind}`;
}

/**
 * Turns log entries into screenshot items from one person's phone: `me` speaks on the right; in a group
 * the others' names show above their messages. Photos are read back from the demo's output folder, where
 * the run saved what each group received.
 */
export async function toScreenItems(
  entries: readonly ChatEntry[],
  options: { me: string; group: boolean; outDir: string; timeZone: string },
): Promise<(ChatBubble | ChatNotice)[]> {
  const items: (ChatBubble | ChatNotice)[] = [];
  let day = '';
  for (const e of entries) {
    const date = localDate(e.at, options.timeZone);
    if (date !== day) {
      day = date;
      items.push({ notice: dayHeading(date) });
    }
    const time = formatTime(e.at, options.timeZone);
    const side = e.side === 'user' && e.speaker === options.me ? 'out' : 'in';
    const speaker = options.group && side === 'in' ? { speaker: e.speaker } : {};
    const buttons = e.buttons ? { buttons: e.buttons } : {};
    switch (e.kind) {
      case 'event':
        items.push({ notice: `${e.speaker} ${e.text}` });
        break;
      case 'button':
        items.push({ notice: `${e.speaker} bấm «${e.text}»` });
        break;
      case 'edit':
        items.push({ notice: 'bot cập nhật tin nhắn trên thành' });
        items.push({ side, time, text: e.text, ...speaker, ...buttons });
        break;
      case 'text':
        items.push({ side, time, text: e.text, ...speaker, ...buttons });
        break;
      case 'file':
      case 'document':
        items.push({
          side,
          time,
          ...speaker,
          file: { name: e.fileName ?? '', detail: fileDetail(e) },
          ...(e.text ? { text: e.text } : {}),
        });
        break;
      case 'photo': {
        const photo = e.savedPath ? await readFile(join(options.outDir, e.savedPath)) : undefined;
        items.push({
          side,
          time,
          ...speaker,
          ...(photo ? { photo } : {}),
          ...(e.text ? { text: e.text } : {}),
        });
        break;
      }
    }
  }
  return items;
}
