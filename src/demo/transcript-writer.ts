import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localDate } from '../domain/local-time.js';
import { formatDate, formatTime } from '../messages/vi-format.js';
import type { ChatEntry, ChatInfo, ChatRole } from './chat-log.js';

/** The folder, under the output folder, with one transcript per chat. */
export const CHATS_FOLDER = 'chats';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const ROLE_TITLES: Readonly<Record<ChatRole, string>> = {
  group: 'Nhóm lãnh đạo',
  leader: 'Lãnh đạo (tin nhắn riêng)',
  coordinator: 'Cán bộ điều phối (Sở Tư pháp, cơ quan tư pháp được giao điều phối)',
  commune: 'Cán bộ báo cáo của xã',
};

/** "Thứ Bảy, 01/03/2025". */
export function dayHeading(date: string): string {
  return `${WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? ''}, ${formatDate(date)}`;
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

/** One entry as Markdown, links relative to the chats folder. */
function entryMarkdown(entry: ChatEntry, timeZone: string): string {
  const head = `**${formatTime(entry.at, timeZone)} · ${entry.speaker}**`;
  switch (entry.kind) {
    case 'text':
      return `${head}\n${quote(entry.text)}`;
    case 'button':
      return `${head} bấm nút «${entry.text}»`;
    case 'event':
      return `${head} _${entry.text}_`;
    case 'file':
      return `${head} gửi tệp 📎 \`${entry.fileName ?? ''}\``;
    case 'edit':
      return `${head} _(sửa tin nhắn trước thành)_\n${quote(entry.text)}`;
    case 'photo':
    case 'document': {
      const link = entry.savedPath ? `../${entry.savedPath}` : undefined;
      const file =
        entry.kind === 'photo' && link
          ? `![${entry.fileName ?? ''}](${link})`
          : link
            ? `📎 [${entry.fileName ?? ''}](${link})`
            : `📎 \`${entry.fileName ?? ''}\``;
      return `${head}\n${file}${entry.text ? `\n\n${quote(entry.text)}` : ''}`;
    }
  }
}

/** One chat's whole transcript, by day. */
export function chatMarkdown(chat: ChatInfo, entries: readonly ChatEntry[], timeZone: string): string {
  const parts = [`# ${chat.title}`, '', `${ROLE_TITLES[chat.role]} · [mục lục](../transcript.md)`];
  let day = '';
  for (const entry of entries) {
    const date = localDate(entry.at, timeZone);
    if (date !== day) {
      day = date;
      parts.push('', `## ${dayHeading(date)}`);
    }
    parts.push('', entryMarkdown(entry, timeZone));
  }
  return `${parts.join('\n')}\n`;
}

/** Writes `chats/<chat>.md` for every chat and `transcript.md`, the index linking them. */
export async function writeTranscripts(
  outDir: string,
  chats: readonly ChatInfo[],
  entries: readonly ChatEntry[],
  meta: { title: string; timeZone: string; intro: readonly string[] },
): Promise<void> {
  await mkdir(join(outDir, CHATS_FOLDER), { recursive: true });
  const byChat = new Map<number, ChatEntry[]>();
  for (const entry of entries) {
    const list = byChat.get(entry.chatId);
    if (list) list.push(entry);
    else byChat.set(entry.chatId, [entry]);
  }
  const index = [`# ${meta.title}`, '', ...meta.intro];
  for (const role of ['group', 'coordinator', 'leader', 'commune'] as const) {
    const list = chats.filter((c) => c.role === role);
    if (list.length === 0) continue;
    index.push('', `## ${ROLE_TITLES[role]}`, '');
    for (const chat of list) {
      const own = byChat.get(chat.id) ?? [];
      await writeFile(join(outDir, CHATS_FOLDER, `${chat.slug}.md`), chatMarkdown(chat, own, meta.timeZone));
      index.push(`- [${chat.title}](${CHATS_FOLDER}/${chat.slug}.md) — ${own.length} tin`);
    }
  }
  await writeFile(join(outDir, 'transcript.md'), `${index.join('\n')}\n`);
}
