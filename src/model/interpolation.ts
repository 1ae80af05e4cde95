/**
 * A reference to an environment or editor variable inside a string, in any of the syntaxes MCP
 * clients use. Which ones a platform expands is platform data (Platform.interpolation).
 */
export interface Reference {
  /**
   * `brace`: `${NAME}` or `${NAME:-default}`; `prefixed`: `${prefix:rest}`; `bare`: `$NAME`;
   * `curly-env`: OpenCode's `{env:NAME}`; `template`: Continue's `${{ secrets.NAME }}` and `${{ inputs.NAME }}`.
   */
  readonly kind: 'brace' | 'prefixed' | 'bare' | 'curly-env' | 'template'
  /** The exact text, e.g. `${env:TOKEN}`. */
  readonly text: string
  /** The variable name where the syntax has one (`TOKEN` for `${env:TOKEN}`). */
  readonly name: string | undefined
  readonly prefix: string | undefined
  readonly hasDefault: boolean
  /** UTF-16 offsets into the decoded string; end exclusive. */
  readonly start: number
  readonly end: number
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/
// `${…}` (no nesting), `$NAME` in upper case (lower-case `$x` is too often literal text), `{env:NAME}`,
// and `${{ secrets.NAME }}` (Continue's TEMPLATE_VAR_REGEX, /\${{[\s]*([^}\s]+)[\s]*}}/).
const pattern =
  /\$\{([^{}]*)\}|\$([A-Z_][A-Z0-9_]*)(?![A-Za-z0-9_{])|(?<!\$)\{env:([A-Za-z_][A-Za-z0-9_]*)\}|\$\{\{\s*(secrets|inputs)\.([^}\s]+)\s*\}\}/g

export function findReferences(value: string): Reference[] {
  // Every syntax starts with "$" or "{"; most strings have neither, and the pattern is costly.
  if (!value.includes('$') && !value.includes('{')) return []
  const references: Reference[] = []
  for (const match of value.matchAll(pattern)) {
    const [text, braced, bare, curlyEnv, namespace, template] = match
    const start = match.index
    const end = start + text.length
    if (value[start - 1] === '$') continue // `$${X}` and `$$X` are escapes in several clients
    if (braced !== undefined) references.push(parseBraced(braced, text, start, end))
    else if (bare !== undefined)
      references.push({
        kind: 'bare',
        text,
        name: bare,
        prefix: undefined,
        hasDefault: false,
        start,
        end
      })
    else if (curlyEnv !== undefined)
      references.push({
        kind: 'curly-env',
        text,
        name: curlyEnv,
        prefix: 'env',
        hasDefault: false,
        start,
        end
      })
    else if (template !== undefined)
      references.push({
        kind: 'template',
        text,
        name: identifier.test(template) ? template : undefined,
        prefix: namespace,
        hasDefault: false,
        start,
        end
      })
  }
  return references
}

function parseBraced(inner: string, text: string, start: number, end: number): Reference {
  const defaultAt = inner.indexOf(':-')
  const head = defaultAt === -1 ? inner : inner.slice(0, defaultAt)
  if (identifier.test(head)) {
    return {
      kind: 'brace',
      text,
      name: head,
      prefix: undefined,
      hasDefault: defaultAt !== -1,
      start,
      end
    }
  }
  const colon = inner.indexOf(':')
  if (colon > 0) {
    const prefix = inner.slice(0, colon)
    const rest = inner.slice(colon + 1)
    const name = prefix === 'env' && identifier.test(rest) ? rest : undefined
    return { kind: 'prefixed', text, name, prefix, hasDefault: false, start, end }
  }
  return { kind: 'brace', text, name: undefined, prefix: undefined, hasDefault: false, start, end }
}
