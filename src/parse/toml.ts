import type { SourceText } from '../model/location.js'
import type { ValueNode } from '../model/tree.js'
import type { SyntaxProblem } from './syntax-problem.js'
import { findTomlLimitBreach } from './toml-limits.js'
import { readTomlQuickly } from './toml-quick.js'
import type { parseTomlItems } from './toml-thorough.js'
import { buildTomlTree, TooDeep, type TomlItems } from './toml-tree.js'

export interface TomlParse {
  readonly root: ValueNode | undefined
  readonly problems: readonly SyntaxProblem[]
}

let parseThoroughly: typeof parseTomlItems | undefined
/** Texts read quickly ahead of parseToml, and what the quick reader made of each. */
const readAhead = new Map<string, TomlItems | undefined>()

/**
 * Loads toml-eslint-parser (a tenth of the code a check would otherwise compile at every start),
 * for the TOML files the quick reader leaves to it. Awaited before parsing TOML text that has not
 * been through prepareTomlText.
 */
export async function loadThoroughToml(): Promise<void> {
  parseThoroughly ??= (await import('./toml-thorough.js')).parseTomlItems
}

/**
 * Reads a file's text with the quick reader ahead of parseToml, and loads toml-eslint-parser only
 * if the quick reader leaves the file to it.
 */
export async function prepareTomlText(text: string): Promise<void> {
  const items = readTomlQuickly(text)
  readAhead.set(text, items)
  if (items === undefined) await loadThoroughToml()
}

/**
 * Parses TOML into the same positioned tree as JSON, so rules see one model. TOML 1.1, as Codex
 * reads it: Codex 0.171.0 loads inline tables over several lines and with a trailing comma, the
 * `\e` and `\xHH` escapes and times without seconds, and still rejects non-ASCII bare keys
 * (verified 2026-12-03, __tests__/clients/cases/codex.ts `syntax-*`). Most files take the quick
 * reader; toml-eslint-parser reads the rest and words their problems.
 */
export function parseToml(source: SourceText): TomlParse {
  const { text } = source
  const items = readAhead.has(text) ? readAhead.get(text) : readTomlQuickly(text)
  readAhead.delete(text)
  return parseTomlWith(source, items)
}

/** parseToml without the quick reader: what the quick reader's tests compare it with. */
export function parseTomlThoroughly(source: SourceText): TomlParse {
  return parseTomlWith(source, undefined)
}

function parseTomlWith(source: SourceText, quickItems: TomlItems | undefined): TomlParse {
  let items = quickItems
  if (items === undefined) {
    const breach = findTomlLimitBreach(source.text)
    if (breach !== undefined) {
      const { kind, detail, offset } = breach
      return { root: undefined, problems: [{ kind, detail, location: source.locate(offset, 1) }] }
    }
    if (parseThoroughly === undefined)
      throw new Error(
        'toml-eslint-parser is not loaded: await loadThoroughToml() or prepareTomlText() first'
      )
    const parsed = parseThoroughly(source)
    if ('problem' in parsed) return { root: undefined, problems: [parsed.problem] }
    items = parsed.items
  }
  try {
    return { root: buildTomlTree(source, items), problems: [] }
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error
    return {
      root: undefined,
      problems: [{ kind: 'too-deep', detail: error.detail, location: error.location }]
    }
  }
}
