import { IN_LOG_ALREADY } from '@starling/kit';
import { fmt } from '../seed/progress.js';

/** What an import brings in, in the report's words ("3 tweets"). */
export type Kind = 'account' | 'follow' | 'tweet' | 'like' | 'repost';

const plural = (kind: Kind, n: number) => `${fmt(n)} ${kind}${n === 1 ? '' : 's'}`;

/** How many examples of each reason the report names; the count says the rest. */
const EXAMPLES = 5;

/**
 * The tally of an import: what each kind brought in, and what it left out and why
 * (grouped by reason, each with a few examples), plus notes on what came in changed.
 * Written to stdout at the end; nothing in it is a secret (no password hash ever enters).
 */
export class ImportReport {
  private readonly imported = new Map<Kind, number>();
  private readonly skipped = new Map<string, { kind: Kind; reason: string; count: number; examples: string[] }>();
  private readonly notes = new Map<string, number>();

  count(kind: Kind, n: number): void {
    this.imported.set(kind, (this.imported.get(kind) ?? 0) + n);
  }

  /** `what` names the item for the examples: "@ada", "tweet 1050118621198921728". */
  skip(kind: Kind, what: string, reason: string): void {
    // The service's phrase for a stream already written, in the words of someone running an import.
    const why = reason === IN_LOG_ALREADY ? 'already in this Starling (imported before)' : reason;
    const key = `${kind}\u0000${why}`;
    const entry = this.skipped.get(key) ?? { kind, reason: why, count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < EXAMPLES) entry.examples.push(what);
    this.skipped.set(key, entry);
  }

  /** Something imported otherwise than it was ("imported as a plain tweet"), counted. */
  note(text: string, n = 1): void {
    if (n > 0) this.notes.set(text, (this.notes.get(text) ?? 0) + n);
  }

  skippedCount(kind?: Kind): number {
    return [...this.skipped.values()].filter((s) => !kind || s.kind === kind).reduce((sum, s) => sum + s.count, 0);
  }

  lines(source: string, kinds: readonly Kind[], seconds: number): string[] {
    const imported = new Intl.ListFormat('en').format(kinds.map((k) => plural(k, this.imported.get(k) ?? 0)));
    const lines = [`Imported ${imported} from ${source} in ${seconds.toFixed(1)} s.`];
    const total = this.skippedCount();
    lines.push(total === 0 ? 'Skipped nothing.' : `Skipped ${fmt(total)}:`);
    for (const s of this.skipped.values()) {
      const more = s.count > s.examples.length ? ', …' : '';
      lines.push(`  ${plural(s.kind, s.count)}: ${s.reason} (${s.examples.join(', ')}${more})`);
    }
    for (const [text, n] of this.notes) lines.push(`Note: ${text}: ${fmt(n)}.`);
    return lines;
  }
}
