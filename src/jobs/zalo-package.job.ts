import type { PackageRecipientRow } from '../services/package-channel.service.js';
import { packageRecipients } from '../services/package-channel.service.js';
import type { MediaSigning } from '../services/web-media.service.js';
import type { JobDefinition, JobMessage } from './job-definition.js';
import { campaignDates } from './job-slots.js';
import { zaloPackageMessages } from './zalo-package-content.js';
import { renderDailyPackage, type DailyPackage } from '../services/daily-package.service.js';

/**
 * The platforms that get the package one by one. Named here, not imported: jobs sit below the channel
 * adapters (src/channels/zalo-bot's ZALO_BOT_PLATFORM, src/channels/zalo-oa's ZALO_OA_PLATFORM).
 */
export type ZaloPackagePlatform = 'zalo-bot' | 'zalo-oa';

/**
 * `zalo-goi-ngay`: at the evening summary time, each leader or coordinator who chose a Zalo channel for
 * the package (`/nhanbaocao zalo`) gets their scope's package in their private chat, one by one: Zalo Bot
 * cannot post into groups, and an OA without GMF cannot either. `signing` (the web side) gives Zalo Bot
 * its images as signed, expiring addresses; `platforms` are the Zalo channels this process runs.
 * Idempotent per day: the runner's keys are job + slot + recipient + part, the ledger holds the slot.
 */
export function zaloPackageJob(options: {
  platforms: readonly ZaloPackagePlatform[];
  signing?: MediaSigning | undefined;
}): JobDefinition {
  return {
    name: 'zalo-goi-ngay',
    slotTimes: (settings) => campaignDates(settings).map((date) => ({ date, time: settings.summaryTime })),
    run: async ({ db, campaign, slot, now, logger }) => {
      const recipients: { platform: ZaloPackagePlatform; row: PackageRecipientRow }[] = [];
      for (const platform of options.platforms) {
        for (const row of await packageRecipients(db, campaign.id, platform))
          recipients.push({ platform, row });
      }
      // Several leaders of one scope share one rendering.
      const packages = new Map<number, Promise<DailyPackage>>();
      const packageOf = (scope: number) => {
        const known = packages.get(scope);
        if (known) return known;
        const pkg = renderDailyPackage(db, campaign, scope, slot.date, now);
        packages.set(scope, pkg);
        return pkg;
      };
      const messages: JobMessage[] = [];
      const errors: string[] = [];
      for (const { platform, row } of recipients) {
        try {
          const pkg = await packageOf(row.unit_id);
          const parts = zaloPackageMessages(pkg, {
            platform,
            campaignId: campaign.id,
            scopeUnitId: row.unit_id,
            now,
            signing: platform === 'zalo-bot' ? options.signing : undefined,
          });
          parts.forEach((part, index) =>
            messages.push({ ...part, platform, chatId: row.platform_user_id, part: index + 1 }),
          );
        } catch (error) {
          logger.error({ err: error, memberId: row.member_id }, 'Zalo package failed for a recipient');
          errors.push(`member ${row.member_id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (recipients.length > 0 && errors.length === recipients.length) throw new Error(errors.join('; '));
      return {
        messages,
        outcome: {
          units: new Set(recipients.map((r) => r.row.unit_id)).size,
          recipients: recipients.length,
          errors,
        },
      };
    },
  };
}
