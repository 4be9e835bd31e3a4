/** How numbers, dates and codes read on the page. */

const tonnes = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatTonnes(min: number | null | undefined, max: number | null | undefined): string {
  if (min == null && max == null) return '—';
  if (min == null || max == null || min === max) return `${tonnes.format((max ?? min)!)} t`;
  return `${tonnes.format(min)}–${tonnes.format(max)} t`;
}

export function formatConfidence(c: number | null | undefined): string {
  return c == null ? '—' : `${Math.round(c * 100)} %`;
}

export function formatRange(
  r: { from?: string | null; to?: string | null; text?: string | null } | null | undefined,
): string {
  if (!r) return '—';
  if (r.text) return r.text;
  if (r.from && r.to) return r.from === r.to ? r.from : `${r.from} – ${r.to}`;
  return r.from ? `from ${r.from}` : r.to ? `until ${r.to}` : '—';
}

/** "SHIP_TO_SHIP" → "ship to ship". */
export function humanize(code: string | null | undefined): string {
  return code ? code.toLowerCase().replace(/_/g, ' ') : '—';
}

/** Only http(s) addresses become links; anything else is shown as text. */
export function safeHttpUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
