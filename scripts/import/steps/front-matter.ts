/**
 * Front-matter step: a protocol kept as a Jekyll, Hugo or Astro page starts with a
 * front matter block, YAML between `---` lines or TOML between `+++` lines, which names
 * the meeting (`title: "Protokoll vom 08.04.2026"`, `date: 2026-04-08`). Its keys become
 * header lines at their own line numbers ("Datum: 2026-04-08"), so the header step reads
 * them by its usual rules, before the title lines of the text.
 * Parsed with `yaml` (https://eemeli.org/yaml/) and `smol-toml` (TOML 1.0).
 */
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import { LineError } from '../errors.ts';
import type { SourceLine } from '../model.ts';

/** What a front matter block holds for the importer. */
export interface FrontMatter {
  /** The block's lines, delimiters included: kept in the MDX review comment. */
  lines: SourceLine[];
  /** Header lines made of the keys the importer knows, at the key's line. */
  header: SourceLine[];
  /** The `committee` key ("Fachschaftsrat Informatik"): which body met, as the page's author says. */
  committee?: { text: string; line: number };
  /** Keys no rule reads ("tags", "layout"), with their line, for the review warnings. */
  ignored: { key: string; line: number }[];
}

/** Keys read, by what they state; the header line each becomes (title lines first, then labels). */
const KEYS: { keys: RegExp; label: (v: string) => string; title?: true }[] = [
  { keys: /^(?:title|titel)$/i, label: (v) => v, title: true },
  { keys: /^(?:date|datum|meeting_date|meetingdate)$/i, label: (v) => `Datum: ${v}` },
  { keys: /^(?:location|ort|place)$/i, label: (v) => `Ort: ${v}` },
  { keys: /^(?:author|authors|autor|autorin|protokoll|minutes|minutes_by|protokollfuehrung)$/i, label: (v) => `Protokoll: ${v}` },
];

/** The key that names the body that met: stated, so taken as it is (no title rule guesses). */
const COMMITTEE_KEY = /^(?:committee|gremium|body|organ)$/i;

const DELIMITER = { '---': 'yaml', '+++': 'toml' } as const;

/**
 * Reads the front matter at the top of `lines` (after blank lines only), or null when
 * there is none. A date value is written ISO ("2026-04-08"; a TOML or YAML timestamp
 * keeps its date part); a list (`authors: [A, B]`) is joined with commas.
 * @throws LineError when the block is not closed or does not parse
 * @example readFrontMatter([{ n: 1, text: '---' }, { n: 2, text: 'date: 2026-04-08' }, { n: 3, text: '---' }])?.header // => [{ n: 2, text: 'Datum: 2026-04-08' }]
 */
export function readFrontMatter(lines: SourceLine[]): FrontMatter | null {
  const start = lines.findIndex((l) => l.text.trim() !== '');
  const open = start >= 0 ? (lines[start].text.trim() as keyof typeof DELIMITER) : undefined;
  if (!open || !(open in DELIMITER)) return null;
  const kind = DELIMITER[open];
  const end = lines.findIndex((l, i) => i > start && (l.text.trim() === open || (kind === 'yaml' && l.text.trim() === '...')));
  if (end < 0) {
    // A "---" line alone is a rule in markdown, not front matter: front matter is closed.
    if (kind === 'yaml') return null;
    throw new LineError(lines[start].n, `front matter opened with "${open}" is not closed.`, `end it with a line "${open}".`);
  }
  // A "---" block without any "key: value" line is a markdown rule, not front matter.
  const inner = lines.slice(start + 1, end);
  if (!inner.some((l) => /^[\w-]+\s*[:=]/.test(l.text))) return null;
  const data = parseBlock(inner, kind, lines[start].n);
  const header: (SourceLine & { title: boolean })[] = [];
  const ignored: FrontMatter['ignored'] = [];
  let committee: FrontMatter['committee'];
  for (const [key, raw] of Object.entries(data)) {
    const line = inner.find((l) => new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*[:=]`).test(l.text))?.n ?? lines[start].n;
    const rule = KEYS.find((k) => k.keys.test(key));
    const value = valueText(raw);
    if (COMMITTEE_KEY.test(key) && value) committee ??= { text: value, line };
    else if (!rule || !value) ignored.push({ key, line });
    else header.push({ n: line, text: rule.label(value), title: Boolean(rule.title) });
  }
  // Title lines first, as the header step expects them before the date and labels.
  header.sort((a, b) => Number(b.title) - Number(a.title) || a.n - b.n);
  return { lines: lines.slice(start, end + 1), header: header.map(({ n, text }) => ({ n, text })), ...(committee && { committee }), ignored };
}

function parseBlock(inner: SourceLine[], kind: 'yaml' | 'toml', line: number): Record<string, unknown> {
  const text = inner.map((l) => l.text).join('\n');
  try {
    let value: unknown;
    if (kind === 'yaml') {
      const doc = parseDocument(text, { prettyErrors: false });
      if (doc.errors.length) throw doc.errors[0];
      value = doc.toJS();
    } else value = parseToml(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch (error) {
    // yaml gives the offset (`pos`), smol-toml the 1-based line of the block.
    const { pos, line: tomlLine } = error as { pos?: [number]; line?: number };
    const at = pos ? text.slice(0, pos[0]).split('\n').length : (tomlLine ?? 1);
    throw new LineError(line + at, `the ${kind === 'yaml' ? 'YAML' : 'TOML'} front matter does not parse (${(error as Error).message.split('\n')[0]}).`, `correct the front matter, e.g. quote a value with a colon: title: "Protokoll: Vorstand".`);
  }
}

/** A front matter value as header text: dates ISO, lists joined, objects ignored. */
function valueText(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(', ');
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (typeof value === 'number') return String(value);
  return '';
}
