import {
  makeJpeg,
  makeOnePageScan,
  makeScanOfSize,
  makeScanPdf,
  rawPdf,
} from '../../../files/support/scan-corpus.js';

/** A file as a commune officer would have it in a folder. */
export interface SampleFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

let made: Promise<readonly SampleFile[]> | undefined;

/**
 * Thirty files like a commune's folder of scans, good and bad: well-named scans, bad names, a photo renamed
 * .pdf, cut-off and unreadable PDFs, low resolution, blank pages, several pages, empty, over the campaign's
 * size limit, over the page's 20 MB limit, and a text file. Deterministic: the same bytes on every run, so
 * they are drawn once per worker process (a second or more) and every caller gets its own list of them.
 */
export async function thirtySamples(): Promise<SampleFile[]> {
  made ??= makeThirtySamples();
  return [...(await made)];
}

async function makeThirtySamples(): Promise<SampleFile[]> {
  const files: SampleFile[] = [];
  for (let index = 1; index <= 14; index++) {
    const number = String(index).padStart(3, '0');
    files.push({
      name: `KS.2010.01.${number}.pdf`,
      bytes: await makeOnePageScan(1000 + index, 1000, 720, 720),
    });
  }
  const scan = await makeOnePageScan(1000, 1000, 720, 720);
  const jpeg = await makeJpeg(200, 200);
  const page = {
    widthPt: 720,
    heightPt: 720,
    image: { kind: 'jpeg' as const, bytes: await makeJpeg(1000, 1000) },
  };
  files.push(
    { name: 'ks_2010_01_015.pdf', bytes: await makeOnePageScan(1015, 1000, 720, 720) },
    { name: 'KS.2031.01.016.pdf', bytes: await makeOnePageScan(1016, 1000, 720, 720) },
    { name: 'KX.2010.01.017.pdf', bytes: await makeOnePageScan(1017, 1000, 720, 720) },
    { name: 'KS.2010.1.018.pdf', bytes: await makeOnePageScan(1018, 1000, 720, 720) },
    { name: 'KT.2011.02.019.pdf', bytes: jpeg },
    { name: 'KS.2010.01.020.pdf', bytes: scan.subarray(0, 5000) },
    { name: 'KS.2010.01.021.pdf', bytes: await makeOnePageScan(300, 300, 720, 720) },
    { name: 'KS.2010.01.022.pdf', bytes: await makeOnePageScan(1000, 1000, 720, 720, 'blank') },
    { name: 'KS.2010.01.023.pdf', bytes: await makeScanPdf([page, page]) },
    { name: 'KS.2010.01.024.pdf', bytes: new Uint8Array(0) },
    { name: 'KS.2010.01.025.pdf', bytes: await makeScanOfSize(150_000, jpeg) },
    {
      name: 'KS.2010.01.026.pdf',
      bytes: new Uint8Array(Buffer.concat([Buffer.from(scan), Buffer.alloc(21 * 1024 * 1024, 0x20)])),
    },
    { name: 'ghi-chu.txt', bytes: new TextEncoder().encode('Danh sách hồ sơ cần quét lại\n') },
    { name: 'KS.2010.01.027.pdf', bytes: rawPdf(['<< /Type /Catalog >>'], '/Root 1 0 R') },
    { name: 'KH.2012.03.028.pdf', bytes: await makeOnePageScan(1028, 1000, 720, 720) },
    { name: 'KS.2010.01.029.pdf', bytes: new TextEncoder().encode('<html><body>Lỗi 404</body></html>') },
  );
  // Good and bad files alternate, as in a real folder (and so the page's first screen shows both).
  const good = files.slice(0, 14);
  const bad = files.slice(14);
  const mixed: SampleFile[] = [];
  for (let index = 0; index < Math.max(good.length, bad.length); index++) {
    const [first, second] = [good[index], bad[index]];
    if (first) mixed.push(first);
    if (second) mixed.push(second);
  }
  return mixed;
}
