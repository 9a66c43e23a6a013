import { ZERO_FIGURES, sumFigures, type Figures } from './progress.js';
import { groupBy, type Succession } from './unit-mapping.js';

// The figures a reorganisation carries from retired units to the new ones: whole numbers, exact sums.

/**
 * Splits one unit's figures by shares (summing to 1) into whole numbers that add up exactly to the
 * figures: each part is the rounded cumulative share minus the previous one. Scanned and entered are
 * split as attached plus a split of what they have beyond it, so attached never exceeds them in a part.
 */
export function splitFigures(figures: Figures, shares: readonly number[]): Figures[] {
  const split = (value: number) => {
    let cumulative = 0;
    let before = 0;
    return shares.map((s, i) => {
      cumulative += s;
      // The last part takes the rest, so shares written to a few decimals (0.3333 ×3) still add up.
      const upTo = i === shares.length - 1 ? value : Math.min(value, Math.round(cumulative * value));
      const part = upTo - before;
      before = upTo;
      return part;
    });
  };
  const books = split(figures.books);
  const attached = split(figures.attached);
  const scanned = split(figures.scanned - figures.attached);
  const entered = split(figures.entered - figures.attached);
  return shares.map((_, i) => {
    const a = attached[i] ?? 0;
    return {
      books: books[i] ?? 0,
      scanned: a + (scanned[i] ?? 0),
      entered: a + (entered[i] ?? 0),
      attached: a,
    };
  });
}

/**
 * Each new unit's carried figures: the sum of its old units' last figures, split by share where an old
 * unit was divided. Old units without figures add nothing; a new unit fed by none is absent (it starts
 * from zero).
 */
export function carriedFigures(
  successions: readonly Succession[],
  lastFigures: ReadonlyMap<number, Figures>,
): Map<string, Figures> {
  const parts = new Map<string, Figures[]>();
  for (const [oldUnitId, links] of groupBy(successions, (s) => s.oldUnitId)) {
    const figures = lastFigures.get(oldUnitId);
    if (!figures) continue;
    const split = splitFigures(
      figures,
      links.map((l) => l.share),
    );
    links.forEach((l, i) =>
      parts.set(l.newCode, [...(parts.get(l.newCode) ?? []), split[i] ?? ZERO_FIGURES]),
    );
  }
  return new Map([...parts].map(([code, list]) => [code, sumFigures(list)]));
}
