/**
 * An investigation written out as a report, in Markdown or as one self-contained HTML page (no
 * script, no external resource). Pure: the resolver gathers what the report says (ReportModel), this
 * module only writes it, escaping every text that came from a user or a source.
 */
import { InvestigationHeader } from './investigation';

export interface ReportSource {
  /** Its number in the report ([1], [2] …). */
  n: number;
  title: string | null;
  publisher: string;
  date: string | null;
  url: string;
}

export interface ReportItem {
  position: number;
  kind: 'ENTITY' | 'TRACE' | 'QUERY';
  heading: string;
  note: string | null;
  author: string;
  addedAt: string;
  /** What the report states about it, one line each. */
  facts: string[];
  /** A saved query's text and variables. */
  code: string | null;
  /** Numbers of the sources behind its facts. */
  sources: number[];
}

export interface ReportModel extends InvestigationHeader {
  generatedAt: string;
  items: ReportItem[];
  sources: ReportSource[];
}

/** Numbers sources in the order they are first cited. */
export class SourceNumbers {
  private readonly numbers = new Map<string, number>();

  cite(ids: readonly string[]): number[] {
    return [...new Set(ids)].map((id) => {
      let n = this.numbers.get(id);
      if (n == null) {
        n = this.numbers.size + 1;
        this.numbers.set(id, n);
      }
      return n;
    });
  }

  /** The source ids in number order. */
  ids(): string[] {
    return [...this.numbers.keys()];
  }
}

/**
 * Markdown that prints as the text itself: no emphasis, code, link, image, HTML or table cell from
 * user text (the report starts every line itself, so line-start syntax needs no escape; newlines
 * become spaces). An underscore inside a word stays as it is (it cannot start emphasis there).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*[\]<>|~#])/g, '\\$1')
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/\r?\n/g, ' ');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const KIND_WORD: Record<ReportItem['kind'], string> = { ENTITY: 'Entity', TRACE: 'Trace', QUERY: 'Query' };

function sourceLine(s: ReportSource, esc: (t: string) => string): string {
  return [s.title ? esc(s.title) : null, esc(s.publisher), s.date ? esc(s.date) : null].filter(Boolean).join(', ');
}

/** A code fence longer than any run of backticks in the code. */
function fence(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

export function renderMarkdown(m: ReportModel): string {
  const e = escapeMarkdown;
  const out: string[] = [`# ${e(m.title)}`, ''];
  if (m.summary) out.push(e(m.summary), '');
  out.push(
    `Investigation \`${m.id}\` by ${e(m.owner)}, created ${m.createdAt}, last changed ${m.updatedAt}; report generated ${m.generatedAt}.`,
    '',
  );
  for (const item of m.items) {
    out.push(`## ${item.position}. ${KIND_WORD[item.kind]}: ${e(item.heading)}`, '');
    out.push(`Added by ${e(item.author)} on ${item.addedAt}.`, '');
    if (item.note) out.push(`> ${e(item.note)}`, '');
    for (const f of item.facts) out.push(`- ${e(f)}`);
    if (item.facts.length > 0) out.push('');
    if (item.code != null) {
      const f = fence(item.code);
      out.push(`${f}graphql`, item.code, f, '');
    }
    if (item.sources.length > 0) out.push(`Sources: ${item.sources.map((n) => `[${n}]`).join(' ')}`, '');
  }
  if (m.sources.length > 0) {
    out.push('## Sources', '');
    for (const s of m.sources)
      out.push(`${s.n}. ${sourceLine(s, e)} — <${s.url.replace(/[\s<>]/g, encodeURIComponent)}>`);
    out.push('');
  }
  return out.join('\n');
}

const STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}' +
  'blockquote{border-left:4px solid #bbb;margin:0;padding:0 1rem;color:#444}' +
  'pre{background:#f4f4f4;padding:.75rem;overflow:auto}.meta{color:#555}';

export function renderHtml(m: ReportModel): string {
  const h = escapeHtml;
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${h(m.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${h(m.title)}</h1>`,
  ];
  if (m.summary) out.push(`<p>${h(m.summary)}</p>`);
  out.push(
    `<p class="meta">Investigation <code>${h(m.id)}</code> by ${h(m.owner)}, created ${h(m.createdAt)}, last changed ${h(m.updatedAt)}; report generated ${h(m.generatedAt)}.</p>`,
  );
  for (const item of m.items) {
    out.push(`<section><h2>${item.position}. ${KIND_WORD[item.kind]}: ${h(item.heading)}</h2>`);
    out.push(`<p class="meta">Added by ${h(item.author)} on ${h(item.addedAt)}.</p>`);
    if (item.note) out.push(`<blockquote>${h(item.note)}</blockquote>`);
    if (item.facts.length > 0) out.push(`<ul>${item.facts.map((f) => `<li>${h(f)}</li>`).join('')}</ul>`);
    if (item.code != null) out.push(`<pre><code>${h(item.code)}</code></pre>`);
    if (item.sources.length > 0)
      out.push(`<p>Sources: ${item.sources.map((n) => `<a href="#source-${n}">[${n}]</a>`).join(' ')}</p>`);
    out.push('</section>');
  }
  if (m.sources.length > 0) {
    out.push('<h2>Sources</h2><ol>');
    for (const s of m.sources)
      out.push(`<li id="source-${s.n}">${sourceLine(s, h)} — <a href="${h(s.url)}">${h(s.url)}</a></li>`);
    out.push('</ol>');
  }
  out.push('</body></html>', '');
  return out.join('\n');
}

/** A file name for the report: its title in safe characters. */
export function reportFileName(title: string, format: 'MARKDOWN' | 'HTML'): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'investigation';
  return `${base}.${format === 'HTML' ? 'html' : 'md'}`;
}
