import { expect, it } from 'vitest';
import { createChatRuntime } from '../../src/bot/chat-runtime.js';
import { channelSet } from '../../src/channels/channel.js';
import type { ChatInput } from '../../src/channels/chat-message.js';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { createLogger } from '../../src/config/logger.js';
import { ManualClock } from '../../src/domain/clock.js';
import { insertInboxUpdate } from '../../src/db/inbox.repository.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { createInvite } from '../../src/services/invite.service.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { PlainChannel } from '../support/plain-channel.js';
import { describeEachDatabase } from '../support/test-database.js';
import { SECOND, secondCampaignDir } from './several-campaigns-fixture.js';

/** The plain test channel with numbered choices, as Zalo has them: the person types the number. */
class NumberedChannel extends PlainChannel {
  override readonly limits = {
    textLength: 500,
    captionLength: 100,
    downloadBytes: 1_000_000,
    choiceStyle: 'numbers' as const,
  };
}

describeEachDatabase('choosing a campaign on a channel with numbered choices', (database) => {
  it('takes a typed number as the answer to "which campaign?", then handles the held message', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const quangTriId = await loadQuangTri(db);
    const second = await loadCampaign(db, await readCampaignFolder(await secondCampaignDir()), clock);
    const channel = new NumberedChannel();
    const { processor, sender } = createChatRuntime({
      db,
      channels: channelSet(channel),
      campaigns: [await getCampaign(db, 'quang-tri-2025'), await getCampaign(db, SECOND.code)],
      clock,
      logger: createLogger('silent'),
      senderOptions: { backoffMs: 1 },
    });
    let updateId = 0;
    const send = async (input: ChatInput) => {
      await insertInboxUpdate(db, {
        platform: 'plain',
        update_id: ++updateId,
        payload: {
          id: updateId,
          chat: { id: '42', kind: 'private' },
          from: { id: '42', name: 'Hoa' },
          input,
        },
        received_at: clock.now(),
      });
      await processor.drain();
      await sender.drain();
      return channel.textsTo('42').at(-1) ?? '';
    };
    const command = (text: string): ChatInput => {
      const [head = '', ...rest] = text.slice(1).split(' ');
      return { kind: 'command', command: head, args: rest.join(' '), text };
    };
    const code = async (campaignId: number, unitCode: string) =>
      (
        await createInvite(
          db,
          { campaignId, unitCode, role: 'reporter', uses: 1, validDays: 9, createdBy: 't' },
          clock,
        )
      ).code;

    await send(command(`/start ${await code(quangTriId, '19330')}`));
    await send(command(`/start ${await code(second.campaignId, '19333')}`));
    expect(await send(command('/tiendo'))).toContain('Anh/chị đang tham gia nhiều chiến dịch');
    await send({ kind: 'text', text: '2' });
    const texts = channel.textsTo('42');
    expect(texts.some((t) => t.includes(`"${SECOND.name}" (Phường 1)`))).toBe(true);
    expect(texts.at(-1)).toMatch(/^📊 Phường 1 — ngày 10\/03\/2025/);
    expect(await db.selectFrom('held_updates').selectAll().execute()).toEqual([]);
  });
});
