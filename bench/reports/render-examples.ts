// Renders the test fixture into docs/examples/ so people can look at the real output:
//   node --import tsx bench/reports/render-examples.ts
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatDailyCaption, formatDailySummary } from '../../src/messages/daily-summary-messages.js';
import { renderDailyReportPdf } from '../../src/reports/daily-report-pdf.js';
import { renderGroupChart } from '../../src/reports/group-chart.js';
import { renderExportCsv } from '../../src/reports/export-csv.js';
import { groupExportSheets } from '../../src/reports/export-sheet.js';
import { renderExportXlsx } from '../../src/reports/export-xlsx.js';
import { renderProgressChart } from '../../src/reports/progress-chart.js';
import { renderRankingCharts } from '../../src/reports/ranking-chart.js';
import { buildDistrictFixture, buildProvinceFixture } from '../../test/reports/daily-report-fixture.js';

const outDir = fileURLToPath(new URL('../../docs/examples/', import.meta.url));

function hasCommand(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes every artefact of the province fixture (and a district caption) into docs/examples/. */
export async function renderExamples(): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  // The number of ranking images depends on the data: clear old ones so none is left over.
  for (const name of await readdir(outDir)) {
    if (/^ranking-\d+\.png$/.test(name)) await rm(`${outDir}${name}`);
  }
  const data = buildProvinceFixture();
  const written: string[] = [];
  const write = async (name: string, bytes: Uint8Array | string): Promise<void> => {
    await writeFile(`${outDir}${name}`, bytes);
    written.push(name);
  };

  const ranking = await renderRankingCharts(data);
  for (const [index, png] of ranking.entries()) await write(`ranking-${index + 1}.png`, png);
  const group = await renderGroupChart(data);
  if (group) await write('district.png', group);
  const progress = await renderProgressChart(data);
  await write('progress.png', progress);
  await write('bao-cao-ngay.pdf', await renderDailyReportPdf(data, { ranking, group, progress }));
  await write(
    'tom-tat.txt',
    `${formatDailySummary(data)}\n\n---- caption ----\n${formatDailyCaption(data)}\n`,
  );
  await write('tom-tat-huyen.txt', `${formatDailySummary(buildDistrictFixture())}\n`);

  const rows = [...data.groups, ...data.communes];
  const sheets = groupExportSheets(rows, data.date, data.timeZone, data.levels);
  await write('xuat-du-lieu.xlsx', await renderExportXlsx(sheets));
  await write('xuat-du-lieu.csv', renderExportCsv(sheets));

  if (hasCommand('pdftoppm')) {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '110',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      `${outDir}bao-cao-ngay.pdf`,
      `${outDir}bao-cao-ngay-trang-1`,
    ]);
    written.push('bao-cao-ngay-trang-1.png');
  } else {
    console.warn('pdftoppm not installed (poppler-utils): skipping the PNG of PDF page 1');
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = await renderExamples();
  console.log(`Wrote ${written.length} files to ${outDir}:\n  ${written.join('\n  ')}`);
}
