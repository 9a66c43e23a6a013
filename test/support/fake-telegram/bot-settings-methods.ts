import type { BotCommand } from 'telegraf/types';
import type { ApiParams } from './api-params.js';
import type { MethodHandler } from './bot-api-context.js';
import { badRequest } from './bot-api-error.js';

/** getMe, setMyCommands, getMyCommands, deleteMyCommands. */
export const botSettingsMethods: Readonly<Record<string, MethodHandler>> = {
  getMe(ctx) {
    return ctx.bot;
  },

  setMyCommands(ctx, params) {
    const commands = params.json('commands');
    if (!Array.isArray(commands)) throw badRequest('field "commands" must be an Array');
    if (commands.length > 100) throw badRequest('too many commands specified');
    const valid: BotCommand[] = commands.map((item: unknown) => {
      if (typeof item !== 'object' || item === null) throw badRequest('BOT_COMMAND_INVALID');
      const { command, description } = item as Record<string, unknown>;
      // Telegram accepts only lower-case Latin letters, digits and underscores, up to 32.
      if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command))
        throw badRequest('BOT_COMMAND_INVALID');
      if (typeof description !== 'string' || description.length < 1 || description.length > 256) {
        throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
      }
      return { command, description };
    });
    ctx.commands.set(commandsKey(params), valid);
    return true;
  },

  getMyCommands(ctx, params) {
    return ctx.commands.get(commandsKey(params)) ?? [];
  },

  deleteMyCommands(ctx, params) {
    ctx.commands.delete(commandsKey(params));
    return true;
  },
};

/** Commands are stored per scope and language, as Telegram does: `default|`, `chat:-100123|vi`. */
export function commandsKey(params: ApiParams): string {
  const scope = params.json('scope');
  let scopeKey = 'default';
  if (typeof scope === 'object' && scope !== null && 'type' in scope && typeof scope.type === 'string') {
    const target = 'chat_id' in scope ? `:${String(scope.chat_id)}` : '';
    const user = 'user_id' in scope ? `:${String(scope.user_id)}` : '';
    scopeKey = `${scope.type}${target}${user}`;
  }
  return `${scopeKey}|${params.string('language_code') ?? ''}`;
}
