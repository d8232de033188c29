/**
 * Replacements of character ranges of one text, applied together: what an edit does to a part it
 * does not rewrite whole. Ranges must not overlap; an insertion is an empty range.
 */
export class Splice {
  private readonly edits: { start: number; end: number; text: string; seq: number }[] = [];

  constructor(readonly source: string) {}

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, seq: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get changed(): boolean {
    return this.edits.length > 0;
  }

  /** The text with every replacement made (insertions at one place keep the order they were made in). */
  apply(): string {
    if (!this.edits.length) return this.source;
    const list = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
    const parts: string[] = [];
    let at = 0;
    for (const e of list) {
      if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
      parts.push(this.source.slice(at, e.start), e.text);
      at = e.end;
    }
    parts.push(this.source.slice(at));
    return parts.join('');
  }
}
