import type { ConfigFile, ServerEntry } from '../model/workspace.js'
import { fieldName, type CanonicalServer } from '../canonical/canonical.js'
import type { Difference } from '../canonical/compare.js'
import { anySyntax } from '../canonical/display.js'
import { diffEntry, looseName } from './drift.js'
import { normalizeEntry } from '../canonical/normalize.js'
import { passthroughName } from '../canonical/references.js'
import { renderServer } from '../canonical/render.js'

/** The fields every platform shares; platform-only fields and enablement are not compared across platforms. */
const sharedFields = new Set(['transport', 'command', 'args', 'env', 'cwd', 'url', 'headers'])

export interface Placed {
  readonly file: ConfigFile
  readonly entry: ServerEntry
}

export interface Mismatch {
  readonly at: Placed
  readonly reference: Placed
  readonly difference: Difference
}

/**
 * Without a central source, a server that several platform files define under the same name is
 * compared with its first definition (by path), translated into each other platform's format.
 */
export function findMismatches(files: readonly ConfigFile[]): Mismatch[] {
  const byName = new Map<string, Placed[]>()
  for (const file of files) {
    for (const entry of file.servers)
      byName.set(entry.name.value, [...(byName.get(entry.name.value) ?? []), { file, entry }])
  }
  const mismatches: Mismatch[] = []
  for (const [reference, ...others] of byName.values()) {
    if (reference === undefined) continue
    const canonical = shared(normalizeEntry(reference.file.platform, reference.entry))
    for (const other of others) {
      const rendered = renderServer(other.file.platform, canonical)
      if (rendered.value === undefined) continue
      const unexpressible = new Set(rendered.problems.map((problem) => fieldName(problem.path)))
      const invisible = reference.file.platform.translation.references
      for (const difference of diffEntry(other.file.platform, rendered.value, other.entry)) {
        const top = difference.field.split(/[.[]/)[0] ?? ''
        if (!sharedFields.has(top) || unexpressible.has(difference.field) || unexpressible.has(top))
          continue
        const { actual, expected } = difference
        if (
          typeof actual === 'string' &&
          typeof expected === 'string' &&
          anySyntax(actual) === expected
        )
          continue
        // A pass-through variable is invisible in files of platforms without interpolation.
        const passthrough = typeof actual === 'string' && passthroughName(actual) === difference.key
        if (
          difference.kind === 'added' &&
          passthrough &&
          (invisible === 'none' || invisible === 'env-vars')
        )
          continue
        mismatches.push({ at: other, reference, difference })
      }
    }
  }
  return mismatches
}

function shared(server: CanonicalServer): CanonicalServer {
  return { ...server, extras: new Map(), disabled: undefined }
}

/** Servers whose names differ only in case or separators across files, which split one server in two. */
export function findNameVariants(files: readonly ConfigFile[]): { at: Placed; other: Placed }[] {
  const firstByLoose = new Map<string, Placed>()
  const variants: { at: Placed; other: Placed }[] = []
  for (const file of files) {
    for (const entry of file.servers) {
      const loose = looseName(entry.name.value)
      const first = firstByLoose.get(loose)
      if (first === undefined) firstByLoose.set(loose, { file, entry })
      else if (first.entry.name.value !== entry.name.value && first.file !== file)
        variants.push({ at: { file, entry }, other: first })
    }
  }
  return variants
}
