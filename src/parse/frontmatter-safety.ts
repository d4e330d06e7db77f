/**
 * Frontmatter the writer meant, read safely.
 *
 * YAML anchors (&a) and aliases (*a) are refused: nine lines of them name
 * more values than any machine can hold once written out (a "billion laughs"
 * took `nisshi parse` to a RangeError and a build to 1.5 GB), and no log needs
 * them. js-yaml itself caps nesting (maxDepth 100), and the log's size limit
 * caps the text, so the time and memory to read any frontmatter are bounded.
 *
 * A block the writer meant as frontmatter but wrote a little off — after blank
 * lines, with spaces before "---", or in TOML between "+++" lines — must never
 * turn into a published page of "draft: true" text: the YAML one is read (with
 * a warning), the TOML one refused (with an error).
 */
import { CORE_SCHEMA, load } from 'js-yaml';

/** A frontmatter nisshi will not read, and the text that shows where (the anchor, `&a`). */
export class FrontmatterRefusal extends Error {
  readonly rule: string;
  readonly at: string;
  constructor(message: string, rule: string, at: string) {
    super(message);
    this.rule = rule;
    this.at = at;
  }

  /** 0-based line of the YAML text on which `at` first appears (0 when it does not). */
  lineIn(yaml: string): number {
    const at = yaml.indexOf(this.at);
    let line = 0;
    for (let i = yaml.indexOf('\n'); i !== -1 && i < at; i = yaml.indexOf('\n', i + 1)) line++;
    return at === -1 ? 0 : line;
  }
}

/** YAML with the core schema (dates stay strings), refusing anchors before any alias can use them. */
export function loadFrontmatterYaml(text: string): unknown {
  return load(text, {
    schema: CORE_SCHEMA,
    listener(event, state) {
      const anchor = (state as { anchor?: string | null }).anchor;
      if (event === 'close' && typeof anchor === 'string') {
        throw new FrontmatterRefusal(
          `frontmatter uses the YAML anchor "&${anchor}"; nisshi does not read anchors and aliases (*${anchor}), ` +
            'which can make a few lines stand for gigabytes: write each value out',
          'frontmatter-alias',
          `&${anchor}`,
        );
      }
    },
  });
}

export interface MisplacedOpening {
  kind: 'yaml' | 'toml';
  /** 1-based line of the opening "---" or "+++". */
  line: number;
  /** Offset just after the opening line (its line break included). */
  end: number;
  /** Why it is not plain frontmatter, for the warning. */
  why: string;
}

/**
 * The opening of a frontmatter block that is not exactly "---" on line 1: the
 * first line with text is "---" or "+++", after blank lines or with spaces
 * before it. Null when the log starts otherwise.
 */
export function misplacedOpening(text: string): MisplacedOpening | null {
  let start = 0;
  let line = 1;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const content = text.slice(start, end).replace(/\r$/, '');
    const trimmed = content.trim();
    if (trimmed !== '') {
      const kind = trimmed === '---' ? 'yaml' : trimmed === '+++' ? 'toml' : null;
      if (!kind) return null;
      const blankLinesBefore = line > 1;
      const spaced = content !== trimmed;
      if (kind === 'yaml' && !blankLinesBefore && !spaced) return null;
      const why = [blankLinesBefore ? 'after blank lines' : '', spaced ? 'with spaces around its delimiter' : '']
        .filter(Boolean)
        .join(' and ');
      return { kind, line, end: Math.min(end + 1, text.length), why };
    }
    if (end === text.length) return null;
    start = end + 1;
    line++;
  }
}

/** The first line after `from` that is only the given delimiter (spaces allowed): its start and end offsets. */
export function closingLine(text: string, from: number, delimiter: string): { start: number; end: number } | null {
  let start = from;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim() === delimiter) return { start, end };
    start = end + 1;
  }
  return null;
}
