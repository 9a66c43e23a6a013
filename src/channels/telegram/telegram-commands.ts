import { createHash } from 'node:crypto';
import type { Telegram } from 'telegraf';
import type { BotCommand, BotCommandScope } from 'telegraf/types';
import type { Logger } from '../../config/logger.js';
import type { Db } from '../../db/database.js';
import { enqueueOutbox } from '../../db/outbox.repository.js';
import { commandMenu, defaultPrivateMenu } from '../../messages/command-menu-messages.js';
import type { MenuCommand } from '../../outbox/outbox-payload.js';
import { listMenuRecipients } from '../../services/member-menu.service.js';

async function setCommands(
  telegram: Telegram,
  commands: readonly MenuCommand[],
  scope: BotCommandScope,
  call?: { signal: never },
): Promise<void> {
  const list: BotCommand[] = commands.map(({ command, description }) => ({ command, description }));
  await telegram.callApi('setMyCommands', { commands: list, scope }, call);
}

/** One person's private-chat menu (BotCommandScopeChat): what an outbox 'menu' row becomes. */
export function setChatCommands(
  telegram: Telegram,
  chatId: string,
  commands: readonly MenuCommand[],
  call?: { signal: never },
): Promise<void> {
  return setCommands(telegram, commands, { type: 'chat', chat_id: chatId }, call);
}

/**
 * Registers the command menus at start: every private chat (the common list) and every group chat, by
 * two calls; then each active member's own chat with their role's list (Telegram keeps the most specific
 * scope) as outbox rows, so that hundreds of members go out within the sender's rate limits instead of
 * holding up the start. Their dedupe keys name the menu's content: a restart sends nothing again, a
 * changed menu once. Cosmetic: a failure is logged and start goes on — commands work without a menu.
 */
export async function registerTelegramCommandMenus(options: {
  telegram: Telegram;
  db: Db;
  campaignId: number;
  logger: Logger;
  now: Date;
}): Promise<void> {
  const { telegram, db, campaignId, logger, now } = options;
  try {
    await setCommands(telegram, defaultPrivateMenu(), { type: 'all_private_chats' });
    await setCommands(telegram, commandMenu('group'), { type: 'all_group_chats' });
    const members = await listMenuRecipients(db, campaignId, 'telegram');
    const messages = members.map((member) => {
      const commands = commandMenu(member.role);
      const version = createHash('sha256').update(JSON.stringify(commands)).digest('hex').slice(0, 12);
      return {
        dedupeKey: `menu:telegram:${member.chatId}:${version}`,
        platform: 'telegram',
        chatId: member.chatId,
        kind: 'menu' as const,
        payload: { commands },
      };
    });
    for (let i = 0; i < messages.length; i += 500) await enqueueOutbox(db, messages.slice(i, i + 500), now);
  } catch (error) {
    logger.warn({ err: error }, 'command menus not registered');
  }
}
