import { displayValue, shouldMask } from '../detect/redact.js'
import type { PlainValue } from '../model/tree.js'
import type { Platform } from '../platforms/platform.js'
import { fromCanonical, parseCanonical } from './references.js'

/** A canonical value as the platform writes it, quoted and masked for a message. */
export function showValue(platform: Platform, value: PlainValue | undefined, key = ''): string {
  if (value === undefined) return 'nothing'
  if (typeof value !== 'string') {
    const json = JSON.stringify(value)
    return json.length > 60 || stringsOf(value).some((text) => shouldMask(text))
      ? 'a different value'
      : json
  }
  return displayValue(platformText(platform, value), key)
}

/** A canonical string in the platform's syntax where it can be written, else its literal text. */
export function platformText(platform: Platform, value: string): string {
  const t = platform.translation
  const style = t.references === 'env-vars' ? 'none' : t.references
  return fromCanonical(value, style, true) ?? rawText(value)
}

/** The text a canonical string stands for, references and escapes written out. */
export function rawText(value: string): string {
  return parseCanonical(value)
    .map((segment) => segment.text)
    .join('')
}

/**
 * The canonical value of a string read in any platform's syntax. Equal to the expected value
 * when the only fault is the reference syntax.
 */
export function anySyntax(value: string): string {
  return rawText(value).replace(
    /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Z_][A-Z0-9_]*)(?![A-Za-z0-9_{])|(?<!\$)\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g,
    (_match, a: string | undefined, b: string | undefined, c: string | undefined) =>
      `\${${a ?? b ?? c ?? ''}}`
  )
}

/** The transport a difference names, for messages. */
export function transportName(value: PlainValue | undefined): string {
  return typeof value === 'string' ? value : 'unknown'
}

function stringsOf(value: PlainValue): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsOf)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf)
  return []
}
