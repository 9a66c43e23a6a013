import { nationalMessages } from '../../messages/national-messages.js';
import { findActiveNationalLeader, getNationalStandings } from '../../services/national.service.js';
import { ChatComposer } from '../chat-composer.js';
import { senderId } from './command-args.js';

/**
 * `/tiendo`, `/xephang` and `/trogiup` of a national leader: every campaign's province side by side, each on its
 * own date against its own plan. A national leader who is also a member of the update's campaign gets
 * that campaign's own answers (the progress feature), as any member does.
 */
export const nationalProgressFeature = new ChatComposer();

nationalProgressFeature.command(['tiendo', 'xephang', 'trogiup'], async (ctx, next) => {
  const deps = ctx.sohoa;
  if (ctx.message.chat.kind !== 'private' || deps.member?.active) return next();
  const leader = await findActiveNationalLeader(deps.db, deps.platform, senderId(ctx));
  if (!leader) return next();
  const input = ctx.message.input;
  const command = input.kind === 'command' ? input.command : '';
  if (command === 'trogiup') {
    await deps.reply(nationalMessages.help);
    return;
  }
  const standings = await getNationalStandings(deps.db, deps.campaigns, deps.clock.now());
  if (standings.length === 0) {
    await deps.reply(nationalMessages.none);
    return;
  }
  await deps.reply(
    command === 'xephang' ? nationalMessages.ranking(standings) : nationalMessages.progress(standings),
  );
});
