import { escapeText } from '../../util/quote.js'

/**
 * Repository text for a terminal: ESC and C1 sequences could recolour, move the cursor, clear the
 * screen or retitle the window, and bidi or invisible characters could reorder or hide what a line
 * says, so every control, format and invisible character is shown as `\u{…}`. Nothing is cut: the
 * callers bound their own text.
 */
export function escapeTerminal(text: string): string {
  return escapeText(text, Number.POSITIVE_INFINITY)
}
