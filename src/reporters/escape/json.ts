/**
 * JSON.stringify escapes only C0 controls, quotes and backslashes: C1 controls, bidi controls,
 * U+2028/U+2029, zero-width and other format characters and variation selectors stay raw, and a
 * report read in a terminal, an editor or a browser could then hide or reorder what it says. They
 * can only occur inside strings, so `\uXXXX` in their place is the same JSON value.
 */
const INVISIBLE = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]/gu

/**
 * Pretty-printed JSON with every invisible character escaped, and a final newline. A workflow that
 * prints a report puts it in the runner's log, which takes `##[name]` anywhere in a line for a
 * workflow command; no line of pretty-printed JSON starts with `::`, but a string can hold `##[`,
 * so its first `#` is escaped as well.
 */
export function stringifyJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2)
  return `${json.replace(INVISIBLE, escapeUnits).replace(/#(?=#\[)/g, '\\u0023')}\n`
}

function escapeUnits(char: string): string {
  let escaped = ''
  for (let index = 0; index < char.length; index++)
    escaped += `\\u${char.charCodeAt(index).toString(16).padStart(4, '0')}`
  return escaped
}
