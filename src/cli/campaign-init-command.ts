import { access, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { carryBaselineThroughMerge } from '../config/baseline-through-merge.js';
import { readConfigText } from '../config/config-text-file.js';
import { scaffoldCampaign, type ScaffoldRequest } from '../config/campaign-scaffold.js';
import { officialListLevels, parseBaselineCsv } from '../config/units-from-official-list.js';
import { campaignInitMessages } from '../messages/campaign-init-messages.js';
import { UsageError, parseArgs, stringOption } from './cli-args.js';
import type { CliIo } from './cli-io.js';

// The official lists travel with the code (reference/), so a clone scaffolds offline.
const REFERENCE = fileURLToPath(new URL('../../reference/', import.meta.url));
const NAMED_LISTS: Readonly<Record<string, string>> = {
  '2025-07-01': 'vn-units-2025-07-01.csv',
  '2025-03-01': 'vn-units-2025-03-01.csv',
};
const OLD_LIST = 'vn-units-2025-03-01.csv';
const MERGE_TABLE = 'vn-merge-2025-07-01.csv';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function dateOption(args: ReturnType<typeof parseArgs>, name: string): string {
  const value = stringOption(args, name, true);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
  if (!valid || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new UsageError(campaignInitMessages.badDate(name, value));
  }
  return value;
}

/**
 * `sohoa campaign init --province 44 --start … --end … --out <dir>`: writes a new campaign folder from an
 * official list (the list since 01/07/2025 unless `--list 2025-03-01` or a file). Touches no database.
 */
export async function campaignInitCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.positionals.length > 0) throw new UsageError(campaignInitMessages.usage);
  const province = stringOption(args, 'province', true);
  const start = dateOption(args, 'start');
  const end = dateOption(args, 'end');
  const out = stringOption(args, 'out', true);
  if (end < start) throw new UsageError(campaignInitMessages.endBeforeStart);
  const list = stringOption(args, 'list') ?? '2025-07-01';
  const named = NAMED_LISTS[list];
  const listPath = named ? join(REFERENCE, named) : list;
  const officialCsv = await readConfigText(listPath);
  const listName = `${named ? list : basename(list)} (${named ? `reference/${named}` : list})`;
  if (provinceCodeless(province))
    throw new UsageError(campaignInitMessages.unknownProvince(province, listName));

  let targets: ScaffoldRequest['targets'];
  const baselinePath = stringOption(args, 'targets-from-baseline');
  if (baselinePath !== undefined) {
    if (officialListLevels(officialCsv) !== 'two')
      throw new UsageError(campaignInitMessages.baselineNeedsNewList);
    const baselines = parseBaselineCsv(await readConfigText(baselinePath));
    const carried = carryBaselineThroughMerge({
      oldListCsv: await readConfigText(join(REFERENCE, OLD_LIST)),
      mergeCsv: await readConfigText(join(REFERENCE, MERGE_TABLE)),
      baselines,
      provinceCode: province,
    });
    const sum = [...carried.targets.values()].reduce(
      (t, x) => ({ books: t.books + x.books, cases: t.cases + x.cases }),
      { books: 0, cases: 0 },
    );
    targets = {
      byCode: carried.targets,
      note: {
        kind: 'baseline',
        baselineFile: baselinePath,
        ...sum,
        estimated: carried.estimated,
        zero: carried.zero,
        perOldCommune: carried.perOldCommune,
      },
    };
  }

  const result = scaffoldCampaign({
    officialCsv,
    listName,
    provinceCode: province,
    start,
    end,
    dir: out,
    command: ['npx sohoa campaign init', ...argv.map(shellWord)].join(' '),
    ...(stringOption(args, 'code') === undefined ? {} : { code: stringOption(args, 'code') }),
    ...(stringOption(args, 'name') === undefined ? {} : { name: stringOption(args, 'name') }),
    ...(targets ? { targets } : {}),
  });
  if (result.kind === 'unknown_province') {
    throw new UsageError(campaignInitMessages.unknownProvince(province, listName));
  }
  const jsonPath = join(out, 'campaign.json');
  const csvPath = join(out, 'units.csv');
  if ((await exists(jsonPath)) || (await exists(csvPath)))
    throw new UsageError(campaignInitMessages.outExists(out));
  await mkdir(out, { recursive: true });
  const { campaign } = result;
  await writeFile(jsonPath, `${JSON.stringify(campaign.campaignJson, null, 2)}\n`);
  await writeFile(csvPath, campaign.unitsCsv);
  await writeFile(join(out, 'README.md'), campaign.readme);
  io.out(
    campaignInitMessages.written(out, campaign.unitCount, campaign.levels.map((l) => l.name).join(' → ')),
  );
  if (targets?.note.kind === 'baseline') {
    const { books, cases, estimated } = targets.note;
    io.out(campaignInitMessages.targetsFromBaseline(books, cases, estimated.length));
  } else {
    io.out(campaignInitMessages.targetsEmpty);
  }
  io.out(campaignInitMessages.nextSteps(out));
  return 0;
}

// Quotes a word only when the shell would split it, so the README's command runs as written.
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// A province code is two digits; anything else cannot be in either list.
function provinceCodeless(code: string): boolean {
  return !/^\d{2}$/.test(code);
}
