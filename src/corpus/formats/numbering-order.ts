import type { Marker, MarkerKind } from './official-headings.ts';

/**
 * Official numbering runs in order: Điều 4 follows Điều 3, point c) follows b). A number out of order at a
 * line start is almost always a sentence that wrapped there ("… theo khoản / 2. Điều 5 …"), so it is taken
 * as text. Restarting at 1 is allowed: a decision's own Điều 1–3 come before the regulation it issues.
 */
export class NumberingOrder {
  private readonly last = new Map<MarkerKind, number>();
  /** The item "1." that dotted items "1.1." and "1.2." belong to. */
  private parentItem = '';
  private lastSubitem = 0;

  accepts(marker: Marker): boolean {
    if (marker.kind === 'dash') return true;
    if (marker.kind === 'item' && marker.number.includes('.')) {
      const parent = marker.number.slice(0, marker.number.lastIndexOf('.'));
      return parent === this.parentItem && (marker.value === 1 || marker.value === this.lastSubitem + 1);
    }
    const last = this.last.get(marker.kind) ?? 0;
    // The first heading of a kind may start anywhere (an excerpt); later ones continue or restart at 1.
    const first = last === 0 && ['part', 'chapter', 'article', 'roman'].includes(marker.kind);
    return first || marker.value === 1 || marker.value === last + 1;
  }

  /** Records an accepted marker; a higher level restarts the numbering below it. */
  record(marker: Marker): void {
    if (marker.kind === 'dash') return;
    if (marker.kind === 'item' && marker.number.includes('.')) {
      this.lastSubitem = marker.value;
      return;
    }
    this.last.set(marker.kind, marker.value);
    const below: Record<MarkerKind, MarkerKind[]> = {
      part: ['chapter', 'section', 'roman', 'item', 'point'],
      chapter: ['section', 'roman', 'item', 'point'],
      section: ['item', 'point'],
      article: ['item', 'point'],
      roman: ['item', 'point'],
      item: ['point'],
      point: [],
      dash: [],
    };
    for (const kind of below[marker.kind]) this.last.delete(kind);
    if (marker.kind === 'item') {
      this.parentItem = marker.number;
      this.lastSubitem = 0;
    } else if (marker.kind !== 'point') this.parentItem = '';
  }
}
