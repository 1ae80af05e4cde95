import type { Workspace } from '../core/model.js'
import { toPlain, type PlainObject } from '../core/tree.js'
import { source as sourceDialect } from '../platforms/source.js'
import { SCHEMA_BASE_URL } from '../platforms/schema-parts.js'
import { findMismatches, type Placed } from '../source/cross-file.js'
import { normalizeServer } from '../source/normalize.js'
import { renderServer } from '../source/render.js'
import { replaceSecrets, type ReplacedSecret } from './init-secrets.js'

/** Which file's definition becomes the source when files disagree: the most widely read platforms first. */
const preference = [
  'claude-code',
  'cursor',
  'vscode',
  'gemini-cli',
  'windsurf',
  'antigravity',
  'codex',
  'roo',
  'kiro',
  'zed',
  'claude-desktop'
]

export interface InitPlan {
  readonly text: string
  /** Disagreements between files, resolved in favour of the preferred one. */
  readonly conflicts: readonly string[]
  /** Literal secrets the source reads from the environment instead, never their values. */
  readonly secrets: readonly ReplacedSecret[]
}

/**
 * A central source made from the platform files: the union of their servers, each taken from the
 * most preferred file that has it, with `platforms` where a server is not in every file and
 * `overrides` for platform-only fields.
 */
export function planInit(workspace: Workspace): InitPlan {
  const files = workspace.files.filter((file) => file.root?.kind === 'object')
  const rank = (id: string) =>
    preference.includes(id) ? preference.indexOf(id) : preference.length
  const ordered = [...files].sort(
    (a, b) => rank(a.platform.id) - rank(b.platform.id) || (a.path < b.path ? -1 : 1)
  )
  const placements = new Map<string, Placed[]>()
  for (const file of ordered) {
    for (const entry of file.servers)
      placements.set(entry.name.value, [
        ...(placements.get(entry.name.value) ?? []),
        { file, entry }
      ])
  }
  const source = sourceDialect
  const allPlatforms = new Set(files.map((file) => file.platform.id))
  const servers: Record<string, PlainObject> = {}
  const conflicts: string[] = []
  const secrets: ReplacedSecret[] = []
  const variables = new Set<string>()
  for (const [name, placed] of [...placements].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const base = placed[0]
    if (base === undefined) continue
    const canonical = normalizeServer(base.file.platform, toPlain(base.entry.value))
    const rendered = renderServer(source, { ...canonical, extras: new Map(), disabled: undefined })
    // A leaked token goes no further: the source reads it from the environment.
    const scrubbed = replaceSecrets(name, { ...rendered.value }, variables)
    secrets.push(...scrubbed.replaced)
    const value: PlainObject = { ...scrubbed.value }
    for (const problem of rendered.problems)
      conflicts.push(`server "${name}" in ${base.file.path}: ${problem.reason}`)
    const platforms = [...new Set(placed.map((p) => p.file.platform.id))]
    if (platforms.length < allPlatforms.size) value.platforms = platforms
    const overrides: Record<string, PlainObject> = {}
    for (const { file, entry } of placed) {
      const own = normalizeServer(file.platform, toPlain(entry.value))
      const extra: PlainObject = Object.fromEntries(
        [...own.extras].map(([key, item]) => [key, item.value])
      )
      if (own.disabled?.value === true) extra.disabled = true
      if (Object.keys(extra).length > 0)
        overrides[file.platform.id] = { ...overrides[file.platform.id], ...extra }
    }
    if (Object.keys(overrides).length > 0) value.overrides = overrides
    servers[name] = value
  }
  for (const { at, reference, difference } of findMismatches(ordered)) {
    conflicts.push(
      `server "${at.entry.name.value}": ${difference.field} in ${at.file.path} differs from ${reference.file.path}; kept ${reference.file.path}`
    )
  }
  const document = { $schema: `${SCHEMA_BASE_URL}/source.schema.json`, mcpServers: servers }
  return { text: `${JSON.stringify(document, null, 2)}\n`, conflicts, secrets }
}
