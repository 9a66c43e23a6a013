import { foldWord } from '../../domain/text-normalize.js';
import { packageChannelMessages } from '../../messages/zalo-messages.js';
import {
  choosePackageChannel,
  packageChannelOf,
  platformsOfPerson,
} from '../../services/package-channel.service.js';
import { ChatComposer } from '../chat-composer.js';
import { commandArgs } from './command-args.js';
import { requireMember } from './member-guard.js';

/** `/nhanbaocao telegram|zalo`: the platform a leader's evening package (charts, PDF) reaches them on. */
export const packageChannelFeature = new ChatComposer();

/** The platforms a typed word means, in preference order. */
const PLATFORM_WORDS: Record<string, readonly string[]> = {
  telegram: ['telegram'],
  tele: ['telegram'],
  tg: ['telegram'],
  zalo: ['zalo-bot', 'zalo-oa'],
};

packageChannelFeature.command('nhanbaocao', async (ctx) => {
  const who = await requireMember(ctx, ['leader', 'coordinator']);
  if (!who) return;
  const { db, clock } = ctx.sohoa;
  const typed = commandArgs(ctx);
  if (!typed) {
    const available = await platformsOfPerson(db, who.member);
    return ctx.sohoa.reply(packageChannelMessages.current(await packageChannelOf(db, who.member), available));
  }
  const platforms = PLATFORM_WORDS[foldWord(typed.split(/\s+/)[0] ?? '')];
  if (!platforms) return ctx.sohoa.reply(packageChannelMessages.unknownChannel(typed));
  const outcome = await choosePackageChannel(db, who.member, platforms, clock);
  if (outcome.kind === 'chosen') return ctx.sohoa.reply(packageChannelMessages.chosen(outcome.platform));
  if (outcome.reason === 'not_on_platform')
    return ctx.sohoa.reply(packageChannelMessages.notOnChannel(outcome.platform));
  return ctx.sohoa.reply(packageChannelMessages.unknownChannel(typed));
});
