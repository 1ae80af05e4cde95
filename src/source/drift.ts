import type { ServerEntry } from '../core/model.js'
import { toPlain, type PlainObject, type PlainValue } from '../core/tree.js'
import type { Dialect, Platform } from '../platforms/platform.js'
import { compareServers, type Difference, type MeaningOf } from './compare.js'
import { normalizeEntry, normalizeServer } from './normalize.js'

/** The differences between the entry a platform file should hold and the one it holds. */
export function diffEntry(
  platform: Platform,
  expected: PlainObject,
  entry: ServerEntry
): Difference[] {
  return compareServers(
    normalizeServer(platform, expected),
    normalizeEntry(platform, entry),
    projectPathMeaning(platform)
  )
}

/**
 * Paths under the project, however the platform lets them be written: from its workspace variable
 * (VS Code's and Cursor's `${workspaceFolder}/tools/server.mjs`), with `./`, or relative as Claude
 * Code, Gemini CLI and Codex read them. All name the same file, so none is drift. Only a path with
 * a folder in it is relative on its own: a bare word is a program on PATH or an npm package, and
 * `./my-server` or `${workspaceFolder}/mcp` is not the same as `my-server` or `mcp`.
 */
export function projectPathMeaning(platform: Dialect): MeaningOf {
  // Canonical strings keep a platform variable as escaped literal text: `$${workspaceFolder}`.
  const roots = Object.entries(platform.launch.variables)
    .filter(([, meaning]) => meaning === 'workspaceFolder')
    .map(([name]) => `$\${${name}}`)
  return (value) => {
    if (roots.includes(value)) return '.'
    const root = roots.find((prefix) => value.startsWith(`${prefix}/`))
    const rest =
      root !== undefined
        ? value.slice(root.length + 1)
        : value.startsWith('./')
          ? value.replace(/^(?:\.\/)+/, '')
          : undefined
    if (rest === undefined || rest === '') return value
    return rest.includes('/') ? rest : `./${rest}`
  }
}

/** Names that differ only in case and `-`, `_`, `.` or spaces, which people change by accident. */
export function looseName(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '')
}

/**
 * Pairs a missing server with an extra one that is probably the same server renamed: the names
 * match loosely, or both launch the same thing.
 */
export function findRename(
  platform: Platform,
  missing: { readonly name: string; readonly value: PlainValue },
  extras: readonly ServerEntry[]
): ServerEntry | undefined {
  const launch = launchKey(platform, missing.value)
  return (
    extras.find((entry) => looseName(entry.name.value) === looseName(missing.name)) ??
    extras.find((entry) => launch !== '' && launchKey(platform, toPlain(entry.value)) === launch)
  )
}

/** A server's identity for rename detection: what it launches or where it connects. */
export function launchKey(platform: Platform, value: PlainValue): string {
  const server = normalizeServer(platform, value)
  if (server.transport !== 'stdio') return server.url?.value ?? ''
  return [server.command?.value ?? '', ...server.args.map((arg) => arg.value)].join('\u0000')
}
