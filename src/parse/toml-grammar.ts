// What the quick TOML reader knows of TOML beyond reading characters: which characters make a
// bare key, where a value ends, and which headers redefine a table.
import { Code, isDigit } from './char-codes.js'
import { partName, type TomlKeyPart } from './toml-tree.js'

/** A table as far as redefinition goes: its keys, and whether a header has opened it. */
export interface TableShape {
  readonly keys: Map<string, TableShape | 'value'>
  opened: boolean
}

/**
 * The table a header opens, creating the tables on its way; undefined where TOML refuses the
 * header: a table opened twice, or a key that already holds a value.
 */
export function openTable(root: TableShape, parts: readonly TomlKeyPart[]): TableShape | undefined {
  let table = root
  for (const [index, part] of parts.entries()) {
    const name = partName(part)
    const last = index === parts.length - 1
    const existing = table.keys.get(name)
    if (existing === 'value' || (last && existing?.opened === true)) return undefined
    const next = existing ?? { keys: new Map(), opened: false }
    if (last) next.opened = true
    table.keys.set(name, next)
    table = next
  }
  return table
}

/** A-Z, a-z, 0-9, `_` and `-`: TOML's bare keys (Codex refuses the non-ASCII ones TOML 1.1 allows). */
export function isBareKeyCharacter(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    isDigit(code) ||
    code === 95 ||
    code === Code.minus
  )
}

/** Whether a number or boolean may end here. */
export function endsValue(code: number): boolean {
  return (
    Number.isNaN(code) ||
    code === Code.space ||
    code === Code.tab ||
    code === Code.lineFeed ||
    code === Code.carriageReturn ||
    code === Code.comma ||
    code === Code.hash ||
    code === Code.closeBracket ||
    code === Code.closeBrace
  )
}
