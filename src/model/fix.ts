import type { TextEdit } from './diagnostic.js'
import type { Location } from './location.js'

/** The reference syntaxes a fix can write: the platform's preferred one. */
export type ReferenceStyle = 'brace' | 'env-prefix' | 'curly-env' | 'secrets-template'

/** Replace what `at` covers with `text`. */
export function replaceAt(at: Location, text: string): TextEdit {
  return { range: at.range, offset: at.offset, length: at.length, text }
}

/** A reference to environment variable `name`, as the platform writes one. */
export function writeReference(style: ReferenceStyle, name: string): string {
  switch (style) {
    case 'brace':
      return `\${${name}}`
    case 'env-prefix':
      return `\${env:${name}}`
    case 'curly-env':
      return `{env:${name}}`
    case 'secrets-template':
      return `\${{ secrets.${name} }}`
  }
}

/** A key as the file's format writes it: bare where the format allows, quoted otherwise. */
export function writeKey(format: 'json' | 'toml' | 'yaml', key: string): string {
  if (format === 'toml' && /^[A-Za-z0-9_-]+$/.test(key)) return key
  if (format === 'yaml' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return key
  return JSON.stringify(key)
}

/**
 * A string value as the file's format writes it, replacing `previous` (its text as written): a
 * YAML plain scalar stays plain where the new value allows it; everything else is double-quoted,
 * which JSON, TOML basic strings and YAML all read with JSON's escapes.
 */
export function writeString(format: 'json' | 'toml' | 'yaml', value: string, previous: string) {
  const plain = format === 'yaml' && !/^["']/.test(previous)
  // A plain `8080`, `true`, `null`, `yes` or `1e3` would be read back as something else.
  const nonString = /^(?:[-+]?[\d.]|(?:true|false|null|yes|no|on|off|y|n|~)$)/i.test(value)
  if (plain && !nonString && /^[A-Za-z0-9][\w@/.=+-]*$/.test(value)) return value
  // JSON.stringify leaves DEL raw, which a TOML basic string refuses.
  return JSON.stringify(value).replaceAll('\u007f', '\\u007F')
}
