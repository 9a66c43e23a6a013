import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import {
  telegramChatIdOf,
  telegramUpdateToChatMessage,
} from '../../src/channels/telegram/telegram-update.js';

const lan = { id: 501, is_bot: false, first_name: 'Lan', last_name: 'Nguyễn' };
const privateChat = { id: 501, type: 'private' as const, first_name: 'Lan' };
const group = { id: -100777, type: 'supergroup' as const, title: 'Lãnh đạo tỉnh' };

function textUpdate(text: string, chat: object = privateChat): Update {
  return { update_id: 9, message: { message_id: 1, date: 0, chat, from: lan, text } } as unknown as Update;
}

/** Lan moves the bot's membership of `chat` from `from` to `to` (added to a group, blocked in private). */
function memberChange(updateId: number, chat: object, from: string, to: string): Update {
  return {
    update_id: updateId,
    my_chat_member: {
      chat,
      from: lan,
      date: 0,
      old_chat_member: { status: from, user: lan },
      new_chat_member: { status: to, user: lan },
    },
  } as unknown as Update;
}

describe('Telegram updates in the neutral form', () => {
  it('turns commands into lower-case names with their arguments, for us only', () => {
    expect(telegramUpdateToChatMessage(textUpdate('/Baocao sổ 12'), 'sohoa_bot')?.input).toEqual({
      kind: 'command',
      command: 'baocao',
      args: 'sổ 12',
      text: '/Baocao sổ 12',
    });
    expect(telegramUpdateToChatMessage(textUpdate('/tiendo@Sohoa_Bot'), 'sohoa_bot')?.input).toMatchObject({
      kind: 'command',
      command: 'tiendo',
      args: '',
    });
    expect(telegramUpdateToChatMessage(textUpdate('/start@otherbot', group), 'sohoa_bot')?.input).toEqual({
      kind: 'other',
    });
    expect(telegramUpdateToChatMessage(textUpdate('quét 1500'), 'sohoa_bot')?.input).toEqual({
      kind: 'text',
      text: 'quét 1500',
    });
  });

  it('normalises decomposed Vietnamese to NFC and names the sender', () => {
    const message = telegramUpdateToChatMessage(textUpdate('nhập 10'.normalize('NFD')), 'sohoa_bot');
    expect(message?.input).toEqual({ kind: 'text', text: 'nhập 10' });
    expect(message?.from).toEqual({ id: '501', name: 'Lan Nguyễn' });
    expect(message?.chat).toEqual({ id: '501', kind: 'private', title: undefined });
  });

  it('maps documents, photos, button presses and being added to a group', () => {
    const document = {
      update_id: 10,
      message: {
        message_id: 2,
        date: 0,
        chat: privateChat,
        from: lan,
        document: { file_id: 'F1', file_unique_id: 'U1', file_name: 'KS.2010.01.015.pdf', file_size: 9000 },
      },
    } as unknown as Update;
    expect(telegramUpdateToChatMessage(document, 'sohoa_bot')?.input).toEqual({
      kind: 'file',
      file: { ref: 'F1', name: 'KS.2010.01.015.pdf', mimeType: undefined, size: 9000 },
    });
    const press = {
      update_id: 11,
      callback_query: {
        id: 'q',
        from: lan,
        chat_instance: 'c',
        data: 'rc:5',
        message: { message_id: 77, date: 0, chat: privateChat },
      },
    } as unknown as Update;
    expect(telegramUpdateToChatMessage(press, 'sohoa_bot')?.input).toEqual({
      kind: 'choice',
      data: 'rc:5',
      messageId: 77,
    });
    expect(telegramChatIdOf(press)).toBe('501');
    const added = memberChange(12, group, 'left', 'member');
    const message = telegramUpdateToChatMessage(added, 'sohoa_bot');
    expect(message?.input).toEqual({ kind: 'added_to_group' });
    expect(message?.chat).toEqual({ id: '-100777', kind: 'group', title: 'Lãnh đạo tỉnh' });
    // A person blocking the bot in private needs no answer.
    const blocked = memberChange(13, privateChat, 'member', 'kicked');
    expect(telegramUpdateToChatMessage(blocked, 'sohoa_bot')).toBeUndefined();
  });
});

describe('Telegram chat ids', () => {
  it('tell people (positive ids) from groups (negative ids)', async () => {
    const { createTelegramChannel } = await import('../../src/channels/telegram/telegram-channel.js');
    const channel = createTelegramChannel({ token: '1:x', apiRoot: 'http://127.0.0.1:9' });
    expect(channel.chatKindOf('123')).toBe('private');
    expect(channel.chatKindOf('-100123')).toBe('group');
    expect(channel.chatKindOf('-5')).toBe('group');
  });
});
