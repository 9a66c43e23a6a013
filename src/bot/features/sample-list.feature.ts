import { ChatComposer } from '../chat-composer.js';
import { fetchSampleContent, listRecentProblemSamples } from '../../services/sample-file-access.service.js';
import { botMessages } from '../../messages/common-messages.js';
import { sampleFileMessages } from '../../messages/sample-file-messages.js';
import { commandArgs } from './command-args.js';
import { requireMember } from './member-guard.js';
import { parseRowId } from './row-id.js';

/** `/mau`: recent problem samples in a coordinator's or leader's scope; `/mau <số>` hands one back. */
export const sampleListFeature = new ChatComposer();

/** How many samples one `/mau` lists: what fits a phone screen or two. */
const LIST_LIMIT = 15;

sampleListFeature.command('mau', async (ctx) => {
  const who = await requireMember(ctx, ['coordinator', 'leader']);
  if (!who) return;
  // File names and, above all, the files are civil-status records: never into a group (DESIGN §6).
  if (ctx.message.chat.kind !== 'private') return ctx.sohoa.reply(botMessages.privateOnly);
  const { db, campaign, clock } = ctx.sohoa;
  const args = commandArgs(ctx);
  if (args === '') {
    const items = await listRecentProblemSamples(db, campaign, who, LIST_LIMIT);
    if (!items) return ctx.sohoa.reply(botMessages.notAllowed);
    if (items.length === 0) return ctx.sohoa.reply(sampleFileMessages.listEmpty(who.unit.name));
    const canFetch = who.member.role === 'coordinator';
    return ctx.sohoa.reply(
      sampleFileMessages.list(who.unit.name, items, campaign.settings.timeZone, canFetch),
    );
  }
  const sampleId = parseRowId(/^#?(\d+)$/.exec(args)?.[1]);
  if (sampleId === undefined) return ctx.sohoa.reply(sampleFileMessages.badId);
  const fetched = await fetchSampleContent(
    db,
    campaign,
    who,
    { sampleId, inboxId: ctx.sohoa.inboxId },
    clock.now(),
  );
  switch (fetched.kind) {
    case 'not_allowed':
      return ctx.sohoa.reply(sampleFileMessages.fetchNotAllowed);
    case 'not_found':
      return ctx.sohoa.reply(sampleFileMessages.notFound(sampleId));
    case 'no_content':
      return ctx.sohoa.reply(sampleFileMessages.noContent(sampleId, fetched.purged));
    case 'found':
      return ctx.sohoa.replyDocument(
        fetched.fileName,
        fetched.bytes,
        sampleFileMessages.fetchedCaption(sampleId, fetched.unitName),
      );
  }
});
