import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import { CANVAS_FONT_FAMILY, registerCanvasFonts } from '../../../../src/reports/font-files.js';

/** A generated registry page: the text printed on it (what OCR should read back) and its images. */
export interface RegistryPage {
  /** Every line written on the page, printed and handwritten, in reading order. */
  readonly text: string;
  /** A flat scan of the page: A4 at 200 dpi, off-white paper, as a PNG. */
  readonly scan: Buffer;
  /** The same page photographed: 12 MP (3000 × 4000), perspective, shadow, noise, JPEG. */
  readonly photo: Buffer;
}

const GIVEN = ['Nguyễn Thị', 'Trần Văn', 'Lê Hoàng', 'Phạm Ngọc', 'Đặng Quốc', 'Võ Thị', 'Bùi Đức'];
const NAMES = ['Hương', 'Dũng', 'Khánh Linh', 'Tuấn Anh', 'Thủy', 'Nhật Minh', 'Phương'];
const PLACES = ['xã Triệu Phong', 'xã Hải Lăng', 'phường Đông Hà', 'xã Gio Linh', 'xã Cam Lộ'];
const FIELDS = [
  'Họ, chữ đệm, tên:',
  'Ngày, tháng, năm sinh:',
  'Giới tính:',
  'Nơi sinh:',
  'Quê quán:',
  'Họ tên người mẹ:',
  'Họ tên người cha:',
  'Người đi khai sinh:',
];

/** A small deterministic generator, so every run draws the same pages. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

const A4 = { width: 1654, height: 2339 };

/** Writes text letter by letter with a wobble and a slant: printed words in a hand-like pen. */
function handwrite(ctx: SKRSContext2D, text: string, x: number, y: number, random: () => number): void {
  ctx.save();
  ctx.fillStyle = '#1d2a78';
  ctx.font = `44px "${CANVAS_FONT_FAMILY}"`;
  let at = x;
  for (const letter of text) {
    ctx.save();
    ctx.translate(at, y + (random() - 0.5) * 5);
    ctx.transform(1, 0, -0.18, 1, 0, 0);
    ctx.rotate((random() - 0.5) * 0.06);
    ctx.fillText(letter, 0, 0);
    ctx.restore();
    at += ctx.measureText(letter).width * (0.95 + random() * 0.1);
  }
  ctx.restore();
}

function drawStamp(ctx: SKRSContext2D, x: number, y: number): void {
  ctx.save();
  ctx.strokeStyle = 'rgba(200, 20, 30, 0.8)';
  ctx.fillStyle = 'rgba(200, 20, 30, 0.8)';
  ctx.lineWidth = 8;
  for (const radius of [150, 120]) {
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.font = `bold 34px "${CANVAS_FONT_FAMILY}"`;
  ctx.textAlign = 'center';
  ctx.fillText('UBND XÃ', x, y - 10);
  ctx.fillText('★', x, y + 35);
  ctx.restore();
}

/** Draws one page of a birth register: title, ruled form fields, handwritten entries, a red stamp. */
function drawPage(seed: number): { canvas: Canvas; lines: string[] } {
  registerCanvasFonts();
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const canvas = createCanvas(A4.width, A4.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f4eedd';
  ctx.fillRect(0, 0, A4.width, A4.height);
  const lines: string[] = [];
  const printed = (text: string, x: number, y: number, size: number, bold = false): void => {
    ctx.fillStyle = '#222';
    ctx.font = `${bold ? 'bold ' : ''}${size}px "${CANVAS_FONT_FAMILY}"`;
    ctx.fillText(text, x, y);
    lines.push(text);
  };
  printed('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 330, 180, 46, true);
  printed('Độc lập - Tự do - Hạnh phúc', 560, 250, 40);
  printed(`SỔ ĐĂNG KÝ KHAI SINH - Quyển số ${1 + Math.floor(random() * 9)}`, 330, 380, 46, true);
  let y = 540;
  for (const field of FIELDS) {
    ctx.fillStyle = '#222';
    ctx.font = `38px "${CANVAS_FONT_FAMILY}"`;
    ctx.fillText(field, 150, y);
    const labelWidth = ctx.measureText(field).width;
    const value =
      field.startsWith('Ngày') || field.startsWith('Giới')
        ? field.startsWith('Giới')
          ? pick(['Nam', 'Nữ'])
          : `${1 + Math.floor(random() * 28)} tháng ${1 + Math.floor(random() * 12)} năm ${1995 + Math.floor(random() * 25)}`
        : field.includes('quán') || field.includes('Nơi')
          ? pick(PLACES)
          : `${pick(GIVEN)} ${pick(NAMES)}`;
    handwrite(ctx, value, 170 + labelWidth, y, random);
    lines.push(`${field} ${value}`);
    // The ruled line under each entry, as registry forms have.
    ctx.strokeStyle = '#8a8a8a';
    ctx.lineWidth = 2;
    ctx.setLineDash([4, 6]);
    ctx.beginPath();
    ctx.moveTo(150 + labelWidth + 10, y + 14);
    ctx.lineTo(A4.width - 150, y + 14);
    ctx.stroke();
    ctx.setLineDash([]);
    y += 150;
  }
  printed('Cán bộ tư pháp hộ tịch', 950, y + 40, 38, true);
  drawStamp(ctx, 1000, y + 230);
  handwrite(ctx, pick(GIVEN), 880, y + 420, random);
  return { canvas, lines };
}

/** Adds the look of a phone photo: a table around the page, a keystone, a shadow, grain, JPEG. */
async function photograph(scan: Canvas, random: () => number): Promise<Buffer> {
  const width = 3000;
  const height = 4000;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#5b4a3a';
  ctx.fillRect(0, 0, width, height);
  // Perspective, approximated by strips whose width shrinks towards the top (the camera leans back).
  const strips = 120;
  const top = 260;
  const pageHeight = 3500;
  for (let i = 0; i < strips; i += 1) {
    const t = i / strips;
    const stripWidth = 2500 + 200 * t;
    const sy = Math.floor((t * A4.height) | 0);
    const sh = Math.ceil(A4.height / strips) + 1;
    ctx.drawImage(
      scan,
      0,
      sy,
      A4.width,
      sh,
      (width - stripWidth) / 2,
      top + t * pageHeight,
      stripWidth,
      pageHeight / strips + 2,
    );
  }
  // A hand's shadow from one corner.
  const shadow = ctx.createLinearGradient(0, 0, width, height);
  shadow.addColorStop(0, 'rgba(0,0,0,0.35)');
  shadow.addColorStop(0.55, 'rgba(0,0,0,0.05)');
  shadow.addColorStop(1, 'rgba(0,0,0,0)');
  ctx.fillStyle = shadow;
  ctx.fillRect(0, 0, width, height);
  const image = ctx.getImageData(0, 0, width, height);
  const data = image.data;
  for (let i = 0; i < data.length; i += 4) {
    const grain = (random() - 0.5) * 24;
    data[i] = Math.max(0, Math.min(255, (data[i] ?? 0) + grain));
    data[i + 1] = Math.max(0, Math.min(255, (data[i + 1] ?? 0) + grain));
    data[i + 2] = Math.max(0, Math.min(255, (data[i + 2] ?? 0) + grain));
  }
  return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
    raw: { width, height, channels: 4 },
  })
    .removeAlpha()
    .jpeg({ quality: 88 })
    .toBuffer();
}

const drawn = new Map<number, Promise<RegistryPage>>();

/**
 * Registry page `seed`: the same seed always gives the same page, scan and photo, so each is drawn once
 * per worker process (the 12 MP photo costs a second or more) and shared by the tests that ask for it.
 */
export function registryPage(seed: number): Promise<RegistryPage> {
  let page = drawn.get(seed);
  if (!page) {
    page = drawRegistryPage(seed);
    drawn.set(seed, page);
  }
  return page;
}

async function drawRegistryPage(seed: number): Promise<RegistryPage> {
  const { canvas, lines } = drawPage(seed);
  const scan = await canvas.encode('png');
  const photo = await photograph(canvas, seededRandom(seed * 7919));
  return { text: lines.join('\n'), scan, photo };
}
