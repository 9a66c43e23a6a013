import { webChatMessages } from '../../messages/web-chat-messages.js';
import { issueWebLink, revokeWebAccess } from '../../services/web-link.service.js';
import { ChatComposer } from '../chat-composer.js';
import { commandArgs } from './command-args.js';
import { requireMember } from './member-guard.js';

/** The address a personal link is built on: `${baseUrl}/l/<token>`. */
export function webLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/l/${token}`;
}

/**
 * `/web`: a personal link to the dashboard (private chats only: it is one person's); `/web thuhoi`
 * revokes every unused link and open session of the member. Without a base URL the web side is off.
 */
export function webFeature(options: { baseUrl: string | undefined }): ChatComposer {
  const feature = new ChatComposer();
  feature.command('web', async (ctx) => {
    const who = await requireMember(ctx, ['reporter', 'coordinator', 'leader']);
    if (!who) return;
    const { db, campaign, clock } = ctx.sohoa;
    const args = commandArgs(ctx).trim().toLowerCase();
    if (args === 'thuhoi' || args === 'thu hoi' || args === 'thu hồi') {
      const revoked = await revokeWebAccess(db, who.member, clock);
      return ctx.sohoa.reply(webChatMessages.revoked(revoked.links, revoked.sessions));
    }
    if (args !== '') return ctx.sohoa.reply(webChatMessages.usage);
    if (!options.baseUrl) return ctx.sohoa.reply(webChatMessages.disabled);
    if (ctx.message.chat.kind !== 'private') return ctx.sohoa.reply(webChatMessages.privateOnly);
    const link = await issueWebLink(db, campaign, who.member, clock);
    await ctx.sohoa.reply(
      webChatMessages.link(
        webLinkUrl(options.baseUrl, link.token),
        link.expiresAt,
        campaign.settings.timeZone,
      ),
    );
  });
  return feature;
}
