/** The file name the server gave (RFC 5987 `filename*` first), else a fallback. */
export function downloadName(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = disposition?.match(/filename="([^"]+)"/i);
  return plain?.[1] ?? fallback;
}

/** Hands a fetched file to the browser as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers start reading the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A Blob, also one made by another realm (a test's fetch answers with Node's Blob). */
export function isBlob(x: unknown): x is Blob {
  return x instanceof Blob || Object.prototype.toString.call(x) === '[object Blob]';
}
