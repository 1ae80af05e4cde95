import type { Location } from '../model/location.js'
import { effectiveProperties, type ValueNode } from '../model/tree.js'

/** One place where a branch's mcp-lint.json differs from the base's, located in the branch's file. */
export interface SettingsChange {
  readonly kind: 'added' | 'removed' | 'changed'
  /** Keys from the root: `['rules', 'server-secret']`. */
  readonly path: readonly string[]
  readonly location: Location
}

/**
 * A pull request's own mcp-lint.json when it differs from the base's: the base's is applied, and
 * the branch's is reported so its author knows it takes effect after merge.
 */
export interface PendingSettings {
  /** The branch's file, repo-relative. */
  readonly file: string
  /** In the branch's file order; empty when the file is gone or cannot be parsed. */
  readonly changes: readonly SettingsChange[]
  /** Where the branch's file says so: its first line, or its syntax error. */
  readonly location: Location
  readonly state: 'changed' | 'added' | 'removed' | 'invalid'
  /** For an invalid file: what mcp-lint would say of it once it applies. */
  readonly problem?: string
}

/** Objects are compared key by key down to here (`enumeration.servers.<name>`); below, as wholes. */
const MAX_DEPTH = 3

/** Where `head` differs from `base`, each change once, at the head's key or value. */
export function diffSettings(head: ValueNode, base: ValueNode): SettingsChange[] {
  const changes: SettingsChange[] = []
  const visit = (next: ValueNode, before: ValueNode, path: readonly string[]) => {
    if (next.kind !== 'object' || before.kind !== 'object' || path.length >= MAX_DEPTH) {
      if (!sameValue(next, before)) changes.push({ kind: 'changed', path, location: next.location })
      return
    }
    const previous = new Map(
      effectiveProperties(before).map((property) => [property.key.value, property])
    )
    for (const property of effectiveProperties(next)) {
      const key = property.key.value
      const old = previous.get(key)
      previous.delete(key)
      if (old === undefined)
        changes.push({ kind: 'added', path: [...path, key], location: property.key.location })
      else if (
        property.value.kind === 'object' &&
        old.value.kind === 'object' &&
        path.length + 1 < MAX_DEPTH
      )
        visit(property.value, old.value, [...path, key])
      else if (!sameValue(property.value, old.value))
        changes.push({ kind: 'changed', path: [...path, key], location: property.key.location })
    }
    for (const key of previous.keys())
      changes.push({ kind: 'removed', path: [...path, key], location: next.location })
  }
  visit(head, base, [])
  return changes
}

/**
 * Whether two parsed values mean the same, with an explicit stack: a hostile file may nest
 * deeper than the call stack allows.
 */
export function sameValue(a: ValueNode, b: ValueNode): boolean {
  const pending: [ValueNode, ValueNode][] = [[a, b]]
  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    const [left, right] = pair
    if (left.kind !== right.kind) return false
    if (left.kind === 'object' && right.kind === 'object') {
      const leftProperties = effectiveProperties(left)
      const rightProperties = new Map(
        effectiveProperties(right).map((property) => [property.key.value, property.value])
      )
      if (leftProperties.length !== rightProperties.size) return false
      for (const property of leftProperties) {
        const other = rightProperties.get(property.key.value)
        if (other === undefined) return false
        pending.push([property.value, other])
      }
    } else if (left.kind === 'array' && right.kind === 'array') {
      if (left.items.length !== right.items.length) return false
      left.items.forEach((item, index) => {
        const other = right.items[index]
        if (other !== undefined) pending.push([item, other])
      })
    } else if (left.kind !== 'object' && left.kind !== 'array' && right.kind === left.kind) {
      if (left.value !== right.value) return false
    }
  }
  return true
}
