import { entropy, mask, publicPrefixes } from './mask.js'
import { findSecrets } from './secrets.js'

const secretNames =
  /(token|secret|passw(or)?d|api[-_]?key|apikey|auth|credential|private[-_]?key|access[-_]?key|bearer|cookie|session)/i

/**
 * Whether a literal value must not be printed whole: the detector finds a secret in it, it sits
 * under a secret-sounding key, or it is long and random-looking. Deliberately wider than the
 * server-secret rule: a message may not show what the rule only suspects.
 */
export function shouldMask(value: string, key = ''): boolean {
  if (findSecrets(value, { key }).length > 0) return true
  if (value.length < 6) return false
  if (
    publicPrefixes.some((prefix) => value.startsWith(prefix) && value.length >= prefix.length + 8)
  )
    return true
  if (secretNames.test(key)) return true
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i.test(value)) return true
  if (/^(bearer|basic|token)\s+\S{8,}/i.test(value)) return true
  // Long random tokens; paths, URLs and package specs (with / . @ :) are not flagged by shape alone.
  return (
    /^[A-Za-z0-9_\-+=]{20,}$/.test(value) &&
    entropy(value) > 3.5 &&
    /\d/.test(value) &&
    /[A-Za-z]/.test(value)
  )
}

/**
 * A value quoted for a message. Secrets the detector finds are replaced by their masks and the
 * rest is kept (`"postgres://app:… (12 chars)@db/app"`); a value that is suspect as a whole is
 * masked whole. References are never secret: "Bearer ${TOKEN}" is shown as it is.
 */
export function displayValue(value: string, key = ''): string {
  const matches = findSecrets(value, { key })
  if (matches.length > 0) return `"${replaceSpans(value, matches)}"`
  const literal = value
    .replace(/\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*/g, '')
    .replace(/^(bearer|basic|token)\s*/i, '')
  if (literal.trim().length < 6 && literal !== value) return `"${value}"`
  return shouldMask(value, key) ? mask(value) : `"${value}"`
}

/** Free text (a server's stderr, an error) with every secret the detector finds masked. */
export function redactText(text: string): string {
  return replaceSpans(text, findSecrets(text))
}

function replaceSpans(
  text: string,
  spans: readonly { start: number; end: number; masked: string }[]
): string {
  let out = ''
  let at = 0
  for (const span of spans) {
    out += text.slice(at, span.start) + span.masked
    at = span.end
  }
  return out + text.slice(at)
}

/** A `"key": "value"` / `key = "value"` pair, or a lone string literal, on one line of a config. */
const literalPattern =
  /(?:(?:"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w.-]*))\s*[:=]\s*)?"((?:[^"\\]|\\.)*)"/g

/**
 * One line of a JSON, JSONC or TOML config with every secret masked, for output that shows
 * config text (a sync diff): each string literal is scanned with the key before it, or the flag
 * before it in an argument list, then the rest of the line (comments) as free text.
 */
export function redactConfigLine(line: string): string {
  let previous: string | undefined
  const masked = line.replace(
    literalPattern,
    (whole, quotedKey: string | undefined, bareKey: string | undefined, value: string) => {
      const key =
        quotedKey ?? bareKey ?? (previous?.startsWith('-') === true ? previous : undefined)
      previous = value
      const spans = findSecrets(value, { key })
      if (spans.length === 0) return whole
      return whole.slice(0, whole.length - value.length - 1) + replaceSpans(value, spans) + '"'
    }
  )
  return redactText(masked)
}
