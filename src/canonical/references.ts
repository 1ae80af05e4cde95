import { findReferences } from '../model/interpolation.js'
import type { Translation } from '../platforms/platform.js'

/**
 * Canonical strings write an environment reference as `${NAME}` or `${NAME:-default}`, and text
 * that only looks like one as `$${…}`, so a literal `${TOKEN}` in a Cursor file (which Cursor does
 * not expand) never compares equal to a reference to TOKEN.
 */
export type ReferenceStyle = Translation['references']

export interface Segment {
  readonly text: string
  /** Set for a reference: the variable name, and its default where given. */
  readonly name?: string
  readonly fallback?: string
}

/** Splits a canonical string into literal text and references. */
export function parseCanonical(value: string): Segment[] {
  const segments: Segment[] = []
  let literal = ''
  let index = 0
  const reference = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^{}]*))?\}/
  while (index < value.length) {
    // Literal text runs to the next `$`: most values have none.
    const dollar = value.indexOf('$', index)
    if (dollar === -1) {
      literal += value.slice(index)
      break
    }
    literal += value.slice(index, dollar)
    index = dollar
    if (value.startsWith('$${', index)) {
      literal += '${'
      index += 3
      continue
    }
    const match = reference.exec(value.slice(index))
    if (match === null) {
      literal += '$'
      index++
      continue
    }
    if (literal !== '') segments.push({ text: literal })
    literal = ''
    const [text, name = '', fallback] = match
    segments.push(fallback === undefined ? { text, name } : { text, name, fallback })
    index += text.length
  }
  if (literal !== '') segments.push({ text: literal })
  return segments
}

/** Escapes literal text for a canonical string. */
export function escapeLiteral(text: string): string {
  // A function replacer: in a replacement string, "$$" would mean one "$".
  return text.replaceAll('${', () => '$${')
}

/**
 * A platform string in canonical form: the platform's own references become `${NAME}`. Lenient
 * reading takes every syntax's references (`${env:X}`, `$X`, `{env:X}`) as references.
 */
export function toCanonical(
  value: string,
  style: ReferenceStyle,
  bare: boolean,
  lenient = false
): string {
  // No reference and nothing to escape: the value is its own canonical form.
  if (!value.includes('$') && !value.includes('{')) return value
  let result = ''
  let last = 0
  for (const reference of findReferences(value)) {
    const canonical =
      lenient && reference.name !== undefined && reference.prefix !== 'input'
        ? reference.kind === 'brace'
          ? reference.text
          : `\${${reference.name}}`
        : canonicalReference(reference, style, bare)
    if (canonical === undefined) continue
    result += escapeLiteral(value.slice(last, reference.start)) + canonical
    last = reference.end
  }
  return result + escapeLiteral(value.slice(last))
}

function canonicalReference(
  reference: ReturnType<typeof findReferences>[number],
  style: ReferenceStyle,
  bare: boolean
): string | undefined {
  if (reference.name === undefined) return undefined
  if (style === 'brace' && reference.kind === 'brace') return reference.text
  if (style === 'brace' && reference.kind === 'bare' && bare) return `\${${reference.name}}`
  if (style === 'env-prefix' && reference.kind === 'prefixed' && reference.prefix === 'env') {
    return `\${${reference.name}}`
  }
  if (style === 'curly-env' && reference.kind === 'curly-env') return `\${${reference.name}}`
  if (style === 'secrets-template' && reference.kind === 'template') return `\${${reference.name}}`
  return undefined
}

/**
 * A canonical string in the platform's syntax, or undefined when the platform cannot express it:
 * a reference where the platform has no interpolation, a default where it has none, or a literal
 * `${` that the platform would expand.
 */
export function fromCanonical(
  value: string,
  style: ReferenceStyle,
  defaults: boolean
): string | undefined {
  // Without a `$` the value is one literal segment, its own text.
  if (!value.includes('$'))
    return style === 'curly-env' && value.includes('{env:') ? undefined : value
  let result = ''
  for (const segment of parseCanonical(value)) {
    if (segment.name === undefined) {
      if (style === 'brace' && segment.text.includes('${')) return undefined
      if (style === 'curly-env' && segment.text.includes('{env:')) return undefined
      if (style === 'secrets-template' && segment.text.includes('${{')) return undefined
      result += segment.text
    } else if (style === 'brace') {
      if (segment.fallback !== undefined && !defaults) return undefined
      result += segment.text
    } else if (style === 'env-prefix' && segment.fallback === undefined)
      result += `\${env:${segment.name}}`
    else if (style === 'curly-env' && segment.fallback === undefined)
      result += `{env:${segment.name}}`
    else if (style === 'secrets-template' && segment.fallback === undefined)
      result += `\${{ secrets.${segment.name} }}`
    else return undefined
  }
  return result
}

/** The variable a value passes through unchanged (`${NAME}` and nothing else), if it is one. */
export function passthroughName(value: string): string | undefined {
  const [only, ...rest] = parseCanonical(value)
  return rest.length === 0 && only?.name !== undefined && only.fallback === undefined
    ? only.name
    : undefined
}
