import { readCampaignFolder } from '../config/campaign-folder.js';
import { describeCampaignChange } from '../messages/campaign-change-messages.js';
import { formatNumber } from '../messages/vi-format.js';
import { loadCampaign } from '../services/campaign-load.service.js';
import { UsageError, parseArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './cli-runtime.js';

/** `sohoa campaign load <dir>`: validates a campaign folder, then makes the database match it. */
export async function campaignCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const { positionals } = parseArgs(args);
  const [action, dir, ...extra] = positionals;
  if (action !== 'load' || !dir || extra.length > 0) {
    throw new UsageError('Cách dùng: sohoa campaign load <thư mục chiến dịch>');
  }
  // Validate the files before opening the database: a bad file never touches it.
  const definition = await readCampaignFolder(dir);
  const result = await withRuntime(env, ({ db, clock }) => loadCampaign(db, definition, clock));
  const levels = (level: string) => definition.units.filter((u) => u.level === level).length;
  io.out(
    `Chiến dịch ${definition.campaign.code} (${definition.campaign.name}): ` +
      `${levels('province')} tỉnh, ${levels('district')} huyện, ${levels('commune')} xã; ` +
      `chỉ tiêu ${formatNumber(result.counts.targetBooks)} sổ, ${formatNumber(result.counts.targetCases)} trường hợp.\n`,
  );
  if (result.created) io.out('Đã nạp lần đầu.\n');
  else if (result.changes.length === 0) io.out('Không có thay đổi: cơ sở dữ liệu đã khớp với tệp.\n');
  else {
    io.out(`Đã cập nhật ${result.changes.length} thay đổi:\n`);
    for (const change of result.changes) io.out(`  - ${describeCampaignChange(change)}\n`);
  }
  return 0;
}
