import { statSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DailyReportData } from '../../src/domain/daily-report-data.js';
import { renderDailyReportPdf, type DailyReportCharts } from '../../src/reports/daily-report-pdf.js';
import { drawChartImage, embedChartPng } from '../../src/reports/pdf-chart-image.js';
import { renderGroupChart } from '../../src/reports/group-chart.js';
import { FONT_FILES } from '../../src/reports/font-files.js';
import { renderProgressChart } from '../../src/reports/progress-chart.js';
import { renderRankingCharts } from '../../src/reports/ranking-chart.js';
import { buildDistrictFixture, buildProvinceFixture } from './daily-report-fixture.js';
import { pdfPageTexts } from './report-inspection.js';

async function renderAll(data: DailyReportData): Promise<{ charts: DailyReportCharts; pdf: Uint8Array }> {
  const charts = {
    ranking: await renderRankingCharts(data),
    group: await renderGroupChart(data),
    progress: await renderProgressChart(data),
  };
  return { charts, pdf: await renderDailyReportPdf(data, charts) };
}

// The last cell of a unit's line: today's report time (marked late), or that none came yet.
const TIMING_AT_LINE_END = /(\d{2}:\d{2}|muộn|Chưa)\s*$/;

/** Table rows on the pages of the table titled `title`, counted by their last column. */
function tableRowCount(pages: readonly string[], title: string, nextTitle: string | null): number {
  let inTable = false;
  let rows = 0;
  for (const page of pages) {
    for (const line of page.split('\n')) {
      if (line.includes(title)) inTable = true;
      else if (nextTitle && line.includes(nextTitle)) inTable = false;
      else if (inTable && TIMING_AT_LINE_END.test(line)) rows += 1;
    }
  }
  return rows;
}

describe('daily report PDF, province scope', () => {
  const data = buildProvinceFixture();
  let charts: DailyReportCharts;
  let pdf: Uint8Array;
  let doc: PDFDocument;
  beforeAll(async () => {
    ({ charts, pdf } = await renderAll(data));
    doc = await PDFDocument.load(pdf);
  });

  it('is A4 with a cover, one page per chart and a paginated table', () => {
    const chartPages = 1 + (charts.group ? 1 : 0) + charts.ranking.length;
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1 + chartPages + 2);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(595.28, 1);
      expect(page.getHeight()).toBeCloseTo(841.89, 1);
    }
    expect(doc.getTitle()).toBe('Báo cáo tiến độ số hóa – Tỉnh Quảng Trị – ngày 10/03/2025');
  });

  it('embeds the bundled DejaVu Sans as subsets, not whole fonts', () => {
    const fullSize = statSync(FONT_FILES.regular).size;
    const baseFonts: string[] = [];
    const fontFiles: number[] = [];
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) && !(object instanceof PDFRawStream)) continue;
      const dict = object instanceof PDFRawStream ? object.dict : object;
      if (
        dict.get(PDFName.of('Type')) === PDFName.of('Font') &&
        dict.get(PDFName.of('Subtype')) === PDFName.of('Type0')
      ) {
        baseFonts.push(String(dict.get(PDFName.of('BaseFont'))));
      }
      if (dict.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')) {
        const file = dict.lookup(PDFName.of('FontFile2'));
        if (file instanceof PDFRawStream) fontFiles.push(file.contents.length);
      }
    }
    expect(baseFonts.sort()).toEqual(['/SOHOAB+DejaVuSans-Bold', '/SOHOAR+DejaVuSans']);
    expect(fontFiles).toHaveLength(2);
    for (const size of fontFiles) expect(size).toBeLessThan(fullSize / 4);
  });

  it('reads back in Vietnamese, with page numbers and the date on every page', (context) => {
    const pages = pdfPageTexts(pdf);
    if (!pages) {
      context.skip('pdftotext (poppler-utils) is not installed: text checks skipped');
      return;
    }
    expect(pages).toHaveLength(doc.getPageCount());
    const first = pages[0] ?? '';
    expect(first).toContain('BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH');
    expect(first).toContain('Tiến độ chung');
    expect(first).toContain('Tỉnh Quảng Trị');
    pages.forEach((page, index) => {
      expect(page).toContain(`Trang ${index + 1}/${pages.length}`);
      expect(page).toContain('ngày 10/03/2025');
    });
    const all = pages.join('\n');
    expect(all).toBe(all.normalize('NFC'));
    for (const row of data.communes) expect(all).toContain(row.unitName.normalize('NFC'));
    expect(all).toContain('Xã Triệu Độ'.normalize('NFC'));
  });

  it('lists all 119 communes and 9 districts, repeating the header on every table page', (context) => {
    const pages = pdfPageTexts(pdf);
    if (!pages) {
      context.skip('pdftotext (poppler-utils) is not installed: table checks skipped');
      return;
    }
    const communeTitle = 'Chi tiết theo xã, phường, thị trấn';
    expect(tableRowCount(pages, 'Tổng hợp theo huyện', communeTitle)).toBe(9);
    expect(tableRowCount(pages, communeTitle, null)).toBe(119);
    const tablePages = pages.filter((page) => page.includes(communeTitle));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages) {
      expect(page).toMatch(/Đơn vị\s+Huyện\s+Sổ/);
      expect(page).toContain('Hạng');
    }
    expect(tablePages.slice(1).every((page) => page.includes(`${communeTitle} (119 đơn vị) (tiếp)`))).toBe(
      true,
    );
    expect(tablePages[tablePages.length - 1]).toContain('Tổng cộng');
  });
});

describe('daily report PDF, district scope', () => {
  it('has no district comparison and still lists every commune', async () => {
    const data = buildDistrictFixture();
    const { charts, pdf } = await renderAll(data);
    expect(charts.group).toBeNull();
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1 + 1 + charts.ranking.length + 1);
    const pages = pdfPageTexts(pdf);
    if (!pages) return;
    const all = pages.join('\n');
    expect(all).not.toContain('Tổng hợp theo huyện');
    expect(tableRowCount(pages, 'Chi tiết theo xã', null)).toBe(data.communes.length);
    expect(all).toContain('Huyện Vĩnh Linh');
  });
});

describe('chart images in the PDF', () => {
  it('keeps transparency as a soft mask and skips it for opaque charts', async () => {
    const canvas = createCanvas(40, 20);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#c62828';
    ctx.fillRect(0, 0, 20, 20); // the right half stays transparent
    const doc = await PDFDocument.create();
    const transparent = await embedChartPng(doc, await canvas.encode('png'));
    const opaque = await embedChartPng(doc, await renderProgressChart(buildDistrictFixture()));
    const dictOf = (ref: PDFRef): PDFDict => {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) throw new Error('not a stream');
      return stream.dict;
    };
    expect(dictOf(transparent.ref).get(PDFName.of('SMask'))).toBeInstanceOf(PDFRef);
    expect(dictOf(opaque.ref).get(PDFName.of('SMask'))).toBeUndefined();
    expect([opaque.width, opaque.height]).toEqual([1080, 1080]);
    const page = doc.addPage();
    drawChartImage(page, transparent, { x: 10, y: 10, width: 200, height: 100 });
    expect((await PDFDocument.load(await doc.save())).getPageCount()).toBe(1);
  });
});
