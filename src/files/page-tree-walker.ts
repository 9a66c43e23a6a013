import type { PDFContext, PDFDict } from 'pdf-lib';
import { entry, pdfArray, pdfDict, pdfName, pdfNumber } from './pdf-value-reader.js';

/** One leaf of the page tree, with the attributes it inherits already applied. */
export interface PdfPage {
  /** 1-based position in reading order. */
  readonly number: number;
  /** MediaBox size in points (1/72 inch, times UserUnit), when the page has a valid one. */
  readonly widthPt?: number;
  readonly heightPt?: number;
  readonly resources?: PDFDict;
  /** The page dictionary itself (its /Contents). */
  readonly dict: PDFDict;
}

/** Why the walk stopped early or found no tree; pages found before that are still reported. */
export type PageTreeFault = 'no_root' | 'cycle' | 'too_deep' | 'too_many' | 'missing_kid';

/** The pages found, in order, and the first structural fault met, if any. */
export interface PageTreeWalk {
  readonly pages: readonly PdfPage[];
  readonly fault?: PageTreeFault;
}

/** Bounds on the walk; real page trees are a few levels deep. */
export interface PageTreeLimits {
  readonly maxDepth: number;
  readonly maxNodes: number;
}

/** Default walk bounds. */
export const DEFAULT_PAGE_TREE_LIMITS: PageTreeLimits = Object.freeze({ maxDepth: 32, maxNodes: 10_000 });

interface Inherited {
  readonly box?: readonly [number, number];
  readonly resources?: PDFDict;
}

/**
 * Walks Root → Pages → Kids iteratively. A hostile tree can loop (a kid pointing at an ancestor) or nest
 * deeply, so nodes are visited at most once and depth and node count are capped: a walk always ends.
 */
export function walkPageTree(
  context: PDFContext,
  limits: PageTreeLimits = DEFAULT_PAGE_TREE_LIMITS,
): PageTreeWalk {
  const catalog = pdfDict(context, context.trailerInfo.Root);
  const root = catalog === undefined ? undefined : pdfDict(context, entry(catalog, 'Pages'));
  if (root === undefined) return { pages: [], fault: 'no_root' };
  const pages: PdfPage[] = [];
  const visited = new Set<PDFDict>();
  const stack: { node: PDFDict; depth: number; inherited: Inherited }[] = [
    { node: root, depth: 0, inherited: {} },
  ];
  let fault: PageTreeFault | undefined;
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, depth, inherited } = item;
    if (visited.has(node)) {
      fault ??= 'cycle';
      continue;
    }
    if (visited.size >= limits.maxNodes) return { pages, fault: 'too_many' };
    visited.add(node);
    const own: Inherited = {
      box: mediaBox(context, node) ?? inherited.box,
      resources: pdfDict(context, entry(node, 'Resources')) ?? inherited.resources,
    };
    const kids = pdfArray(context, entry(node, 'Kids'));
    const isLeaf = pdfName(context, entry(node, 'Type')) === 'Page' || kids === undefined;
    if (isLeaf) {
      pages.push({
        number: pages.length + 1,
        dict: node,
        ...(own.box ? { widthPt: own.box[0], heightPt: own.box[1] } : {}),
        ...(own.resources ? { resources: own.resources } : {}),
      });
      continue;
    }
    if (depth >= limits.maxDepth) {
      fault ??= 'too_deep';
      continue;
    }
    // Pushed in reverse so pages pop in reading order.
    for (let index = kids.size() - 1; index >= 0; index -= 1) {
      const kid = pdfDict(context, kids.get(index));
      if (kid !== undefined) stack.push({ node: kid, depth: depth + 1, inherited: own });
      // A kid that points at nothing (a lost or unparseable object) is a page no reader can show.
      else fault ??= 'missing_kid';
    }
    if (stack.length > limits.maxNodes) return { pages, fault: 'too_many' };
  }
  return fault === undefined ? { pages } : { pages, fault };
}

function mediaBox(context: PDFContext, node: PDFDict): readonly [number, number] | undefined {
  const box = pdfArray(context, entry(node, 'MediaBox'));
  if (box === undefined || box.size() !== 4) return undefined;
  const [x1, y1, x2, y2] = [0, 1, 2, 3].map((index) => pdfNumber(context, box.get(index)));
  if (x1 === undefined || y1 === undefined || x2 === undefined || y2 === undefined) return undefined;
  const unit = pdfNumber(context, entry(node, 'UserUnit')) ?? 1;
  const width = Math.abs(x2 - x1) * unit;
  const height = Math.abs(y2 - y1) * unit;
  return width > 0 && height > 0 ? [width, height] : undefined;
}
