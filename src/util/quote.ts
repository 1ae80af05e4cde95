/**
 * Text a server chose (a tool name, its title) quoted for a message: control, format and
 * invisible characters are shown as `\u{…}` so a hostile name cannot break a log line, an
 * annotation or a table, nor hide what it says; long text is cut.
 */
export function quote(text: string, limit = 80): string {
  return `"${escapeText(text, limit, true)}"`
}

/** The same escaping without the quotes, for names listed bare. */
export function escapeText(text: string, limit = 80, inQuotes = false): string {
  // Most text has nothing to escape; reports of many thousand lines pass through here.
  if (text.length <= limit && !hidden.test(text) && !(inQuotes && /["\\]/.test(text))) return text
  let shown = ''
  let length = 0
  for (const char of text) {
    if (length >= limit) return `${shown}…`
    shown += !isVisible(char)
      ? escape(char)
      : inQuotes && (char === '"' || char === '\\')
        ? `\\${char}`
        : char
    length++
  }
  return shown
}

/** Names quoted and joined, at most `max` of them and a count of the rest. */
export function quoteList(names: readonly string[], max = 5): string {
  return listOf(names, (name) => quote(name), max)
}

/** Items shown and joined, at most `max` of them and a count of the rest; only those shown are formatted. */
export function listOf<T>(items: readonly T[], show: (item: T) => string, max = 5): string {
  const shown = items.slice(0, max).map(show)
  const rest = items.length - shown.length
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ')
}

const hidden = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]/u

function isVisible(char: string): boolean {
  return !hidden.test(char)
}

function escape(char: string): string {
  return `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}}`
}
