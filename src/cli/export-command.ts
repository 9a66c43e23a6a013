import { writeFile } from 'node:fs/promises';
import { localDate } from '../domain/local-time.js';
import { renderExportCsv } from '../reports/export-csv.js';
import { renderExportXlsx } from '../reports/export-xlsx.js';
import { getCampaign } from '../services/campaign.service.js';
import { buildExportSheets } from '../services/export.service.js';
import { UsageError, parseArgs, stringOption } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './cli-runtime.js';
import { cliMessages } from '../messages/cli-messages.js';

const USAGE = cliMessages.exportUsage;

/** `sohoa export`: the figures of every unit for a date, as an Excel workbook or a CSV file. */
export async function exportCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.positionals.length > 0) throw new UsageError(USAGE);
  const format = stringOption(parsed, 'format', true);
  if (format !== 'xlsx' && format !== 'csv') throw new UsageError(cliMessages.exportBadFormat(format, USAGE));
  const out = stringOption(parsed, 'out', true);
  const dateOption = stringOption(parsed, 'date');
  if (dateOption !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(dateOption)) {
    throw new UsageError(cliMessages.exportBadDate(dateOption));
  }
  const { sheets, date } = await withRuntime(env, async ({ db, clock }) => {
    const campaign = await getCampaign(db, stringOption(parsed, 'campaign'));
    const now = clock.now();
    const day = dateOption ?? localDate(now, campaign.settings.timeZone);
    return { sheets: await buildExportSheets(db, campaign, day, now), date: day };
  });
  await writeFile(out, format === 'xlsx' ? await renderExportXlsx(sheets) : renderExportCsv(sheets));
  const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
  io.out(
    cliMessages.exportWritten(
      rows,
      sheets.map((s) => s.name),
      date,
      out,
    ),
  );
  return 0;
}
