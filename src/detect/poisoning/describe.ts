// Safe rendering: hostile text never reaches a message raw.

/** Printable ASCII stays, anything else becomes U+XXXX, and the result is bounded. */
export function describeSafely(text: string, max = 60): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    out += code >= 0x20 && code <= 0x7e ? char : codePointLabel(code)
    if (out.length > max) return `${out.slice(0, max)}…`
  }
  return out
}

export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}

export function times(count: number): string {
  return count > 1 ? ` ×${count}` : ''
}
