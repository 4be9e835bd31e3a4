/** Saves a file the page made (a picture or an export) through the browser's download, with no request. */
export function saveFile(name: string, content: Blob | string, type = 'application/octet-stream'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the origin and the time: "collier-nampho-routes-2024-05-01T12-00.png". */
export function fileName(stem: string, ext: string): string {
  const when = new Date().toISOString().slice(0, 16).replace(/:/g, '-');
  const safe =
    stem
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'explorer';
  return `collier-${safe}-${when}.${ext}`;
}
