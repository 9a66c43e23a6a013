import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  type ChartConfiguration,
  type ChartItem,
  type ChartType,
  type Plugin,
} from 'chart.js';
import { CANVAS_FONT_FAMILY, registerCanvasFonts } from './font-files.js';
import { INK } from './report-palette.js';
import { encodeRgbPng } from './rgb-png.js';

/**
 * Telegram's sendPhoto limits: at most 10 MB, width + height at most 10,000 px, ratio at most 20.
 * Charts are sized well inside them; renderChartPng refuses anything that is not.
 */
export const TELEGRAM_PHOTO_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxSidesSum: 10_000,
  maxRatio: 20,
} as const;

/** The width every chart is drawn at: a phone screen's native width, so 1 px of text is 1 px. */
export const CHART_WIDTH = 1080;

let chartSetupDone = false;

/** Registers the chart.js components and the bundled font once per process. */
export function ensureChartSetup(): void {
  if (chartSetupDone) return;
  registerCanvasFonts();
  Chart.register(
    BarController,
    BarElement,
    LineController,
    LineElement,
    PointElement,
    CategoryScale,
    LinearScale,
    Title,
    SubTitle,
    Legend,
  );
  // Anything we do not style explicitly (tooltips are off, but e.g. empty-axis text) must still use
  // the bundled font, never a system fallback.
  Chart.defaults.font.family = CANVAS_FONT_FAMILY;
  Chart.defaults.color = INK.text;
  chartSetupDone = true;
}

/** A CSS font shorthand for the bundled family, for drawing with the canvas API directly. */
export function canvasFont(sizePx: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${sizePx}px "${CANVAS_FONT_FAMILY}"`;
}

/** A chart.js font option for the bundled family. */
export function chartFont(
  sizePx: number,
  bold = false,
): { family: string; size: number; weight: 'bold' | 'normal' } {
  return { family: CANVAS_FONT_FAMILY, size: sizePx, weight: bold ? 'bold' : 'normal' };
}

// PNGs with a transparent background turn into black text on black in Telegram's dark theme.
const whiteBackground: Plugin = {
  id: 'sohoaWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = INK.background;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Renders one chart.js configuration to PNG bytes on a fresh canvas of the given size. */
export async function renderChartPng<T extends ChartType>(
  width: number,
  height: number,
  config: ChartConfiguration<T>,
): Promise<Buffer> {
  ensureChartSetup();
  assertTelegramSize(width, height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const chart = new Chart(
    ctx as unknown as ChartItem,
    {
      ...config,
      options: { ...config.options, animation: false, responsive: false, devicePixelRatio: 1 },
      plugins: [whiteBackground, ...(config.plugins ?? [])],
    } as ChartConfiguration<T>,
  );
  try {
    const png = await encodeRgbPng(canvas.data(), width, height);
    if (png.length > TELEGRAM_PHOTO_LIMITS.maxBytes) {
      throw new RangeError(`Chart PNG is ${png.length} bytes, over Telegram's photo limit`);
    }
    return png;
  } finally {
    chart.destroy();
  }
}

function assertTelegramSize(width: number, height: number): void {
  const ratio = Math.max(width, height) / Math.min(width, height);
  if (width + height > TELEGRAM_PHOTO_LIMITS.maxSidesSum || ratio > TELEGRAM_PHOTO_LIMITS.maxRatio) {
    throw new RangeError(`Chart size ${width}×${height} exceeds Telegram's photo limits`);
  }
}

let measuringContext: SKRSContext2D | undefined;

/** Breaks text into lines no wider than maxWidth px in the given canvas font. */
export function wrapText(text: string, font: string, maxWidth: number): string[] {
  measuringContext ??= createCanvas(8, 8).getContext('2d');
  ensureChartSetup();
  const ctx = measuringContext;
  ctx.font = font;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The rendered width in px of text in the given canvas font. */
export function measureText(text: string, font: string): number {
  measuringContext ??= createCanvas(8, 8).getContext('2d');
  ensureChartSetup();
  measuringContext.font = font;
  return measuringContext.measureText(text).width;
}

/** Text cut with '…' to fit maxWidth px, so one odd long unit name cannot squeeze the bars away. */
export function truncateText(text: string, font: string, maxWidth: number): string {
  if (measureText(text, font) <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measureText(`${text.slice(0, middle)}…`, font) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}
