import { expect, it } from 'vitest';
import type { ChatInput } from '../../src/channels/chat-message.js';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { ManualClock } from '../../src/domain/clock.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { createInvite } from '../../src/services/invite.service.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { NumberedChannel } from '../support/plain-channel.js';
import { commandInput, startPlainChat } from '../support/plain-chat.js';
import { describeEachDatabase } from '../support/test-database.js';
import { SECOND, secondCampaignDir } from './several-campaigns-fixture.js';

describeEachDatabase('choosing a campaign on a channel with numbered choices', (database) => {
  it('takes a typed number as the answer to "which campaign?", then handles the held message', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const quangTriId = await loadQuangTri(db);
    const second = await loadCampaign(db, await readCampaignFolder(await secondCampaignDir()), clock);
    const channel = new NumberedChannel();
    const deliver = startPlainChat(db, clock, channel, [
      await getCampaign(db, 'quang-tri-2025'),
      await getCampaign(db, SECOND.code),
    ]);
    const send = (input: ChatInput) =>
      deliver({ chat: { id: '42', kind: 'private' }, from: { id: '42', name: 'Hoa' }, input });
    const command = commandInput;
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
