import type { Workspace } from '../model/workspace.js'
import {
  findProperty,
  plainAt,
  toPlain,
  type PlainObject,
  type PlainValue,
  plainObject
} from '../model/tree.js'
import { source as sourceDialect } from '../platforms/source.js'
import { SCHEMA_BASE_URL } from '../platforms/schema-parts.js'
import type { Dialect } from '../platforms/platform.js'
import type { CanonicalServer } from '../canonical/canonical.js'
import { deepEqual } from '../canonical/compare.js'
import { type Placed } from '../source/cross-file.js'
import { diffEntry } from '../source/drift.js'
import { relativeToProject } from '../canonical/project-paths.js'
import { overridableFields } from '../source/expect.js'
import { isObject, normalizeEntry, normalizeServer } from '../canonical/normalize.js'
import { renderServer } from '../canonical/render.js'
import { replaceSecrets, type ReplacedSecret } from './init-secrets.js'

/** Which file's definition becomes the shared entry: the most widely read platforms first. */
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

/** Where a server of the new source was taken from. */
export interface InitOrigin {
  readonly server: string
  readonly file: string
  /** The other files that define it too. */
  readonly others: readonly string[]
}

export interface InitPlan {
  readonly text: string
  readonly origins: readonly InitOrigin[]
  /** Disagreements between files, and how each was kept (an override) or resolved. */
  readonly conflicts: readonly string[]
  /** Literal secrets the source reads from the environment instead, never their values. */
  readonly secrets: readonly ReplacedSecret[]
}

/**
 * A central source made from the platform files, from which sync writes every file back with the
 * meaning it has: the union of their servers, each taken from the most preferred file that has it,
 * with `platforms` where a server is not in every file, and `overrides` for what one platform's
 * file says differently (its own fields, or a value the files disagree on). Only two files of one
 * platform that disagree cannot both be kept.
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
  const allPlatforms = new Set(files.map((file) => file.platform.id))
  const conflicts: string[] = []
  // The source carries a server per platform, so every file of a platform gets it.
  for (const [name, placed] of placements) {
    for (const id of new Set(placed.map((p) => p.file.platform.id))) {
      const lacking = files.filter(
        (file) => file.platform.id === id && !placed.some((p) => p.file === file)
      )
      const holder = placed.find((p) => p.file.platform.id === id)?.file.path ?? ''
      for (const file of lacking)
        conflicts.push(
          `server "${name}" is in ${holder} but not in ${file.path}, a file of the same platform; sync will add it there`
        )
    }
  }
  // Server names and env keys come from the files: `__proto__` is a name like any other.
  const servers = plainObject() as Record<string, PlainObject>
  const origins: InitOrigin[] = []
  const secrets: ReplacedSecret[] = []
  const variables = new Set<string>()
  for (const [name, placed] of [...placements].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [base, ...others] = placed
    if (base === undefined) continue
    origins.push({ server: name, file: base.file.path, others: others.map((p) => p.file.path) })
    const rendered = renderServer(
      sourceDialect,
      shared(base.file.platform, normalizeEntry(base.file.platform, base.entry))
    )
    const shape: PlainObject = { ...rendered.value }
    // Descriptions are not compared; the first file that gives one gives it to the source.
    const description = placed
      .map((p) =>
        p.file.platform.translation.description ? p.entry.fields.get('description') : undefined
      )
      .find((field) => field?.value.kind === 'string')
    if (description?.value.kind === 'string') shape.description = description.value.value
    for (const problem of rendered.problems)
      conflicts.push(`server "${name}" in ${base.file.path}: ${problem.reason}`)
    const overrides: Record<string, PlainObject> = {}
    const kept = new Map<string, string>()
    for (const { file, entry } of placed) {
      const id = file.platform.id
      const first = kept.get(id)
      const own = ownFields(file, entry, shape)
      if (first !== undefined) {
        if (!deepEqual(own.override, overrides[id] ?? {}))
          conflicts.push(
            `server "${name}" in ${file.path} differs from ${first}, a file of the same platform; kept ${first}`
          )
        continue
      }
      kept.set(id, file.path)
      for (const field of own.ignored)
        conflicts.push(
          `server "${name}" in ${file.path}: ${file.platform.displayName} ignores "${field}" (the server runs there); not kept`
        )
      for (const field of own.disagreements)
        conflicts.push(
          `server "${name}": ${field} in ${file.path} differs from ${base.file.path}; kept as overrides.${id}`
        )
      if (Object.keys(own.override).length > 0) overrides[id] = own.override
    }
    // A leaked token goes no further: the source reads it from the environment.
    const scrubbed = replaceSecrets(name, shape, variables)
    secrets.push(...scrubbed.replaced)
    const value: PlainObject = { ...scrubbed.value }
    const platforms = [...new Set(placed.map((p) => p.file.platform.id))]
    if (platforms.length < allPlatforms.size) value.platforms = platforms
    for (const [id, override] of Object.entries(overrides)) {
      const clean = replaceSecrets(name, override, variables)
      secrets.push(...clean.replaced)
      overrides[id] = clean.value
    }
    if (Object.keys(overrides).length > 0) value.overrides = overrides
    servers[name] = value
  }
  const document = { $schema: `${SCHEMA_BASE_URL}/source.schema.json`, mcpServers: servers }
  return { text: `${JSON.stringify(document, null, 2)}\n`, origins, conflicts, secrets }
}

/** The fields every platform shares, with project paths as the source writes them. */
function shared(platform: Dialect, server: CanonicalServer): CanonicalServer {
  return { ...relativeToProject(platform, server), extras: new Map(), disabled: undefined }
}

/**
 * What one file says beyond the shared entry, as an override: its platform-only fields and
 * whether it is disabled, and every field whose meaning differs from the shared entry (`null` for
 * one it leaves out).
 */
function ownFields(
  file: Placed['file'],
  entry: Placed['entry'],
  shape: PlainObject
): { override: PlainObject; disagreements: string[]; ignored: string[] } {
  const platform = file.platform
  const own = normalizeEntry(platform, entry)
  const override = plainObject()
  const fields = overridableFields(platform)
  const expected = renderServer(platform, normalizeServer(sourceDialect, shape)).value
  const differing = new Set<string>()
  const disagreements: string[] = []
  const ignored: string[] = []
  for (const difference of expected === undefined ? [] : diffEntry(platform, expected, entry)) {
    const top = difference.kind === 'transport' ? 'type' : (difference.field.split(/[.[]/)[0] ?? '')
    // A `type` the platform needs and the file lacks is a fix sync makes, not a disagreement.
    if (!fields.has(top) || (top === 'type' && difference.kind !== 'transport')) continue
    differing.add(top)
    disagreements.push(difference.field)
  }
  if (expected === undefined || differing.has('type'))
    for (const field of fields) differing.add(field)
  const mine = renderServer(sourceDialect, shared(platform, own)).value ?? {}
  for (const field of differing) {
    const value =
      field === 'env' || field === 'headers' ? mapChanges(shape[field], mine[field]) : mine[field]
    if (isObject(value) && Object.keys(value).length === 0) continue
    if (value !== undefined && !deepEqual(value, shape[field])) override[field] = value
    else if (value === undefined && shape[field] !== undefined) override[field] = null
  }
  for (const [key, value] of own.extras) {
    // The source's `disabled: true` switches a server off; a platform without the field ignores
    // it (the server runs), so it cannot be kept as that platform's own field.
    if (key === 'disabled' && value.value === true) ignored.push(key)
    else override[key] = value.value
  }
  if (own.disabled?.value === true) override.disabled = true
  const inputs = declaredInputs(file, entry)
  if (inputs.length > 0) override.inputs = inputs
  if (expected === undefined) disagreements.push('transport')
  return { override, disagreements, ignored }
}

/** An overlay that turns one map into another: changed and new keys, `null` for removed ones. */
function mapChanges(
  from: PlainValue | undefined,
  to: PlainValue | undefined
): PlainValue | undefined {
  const before = isObject(from) ? from : {}
  if (!isObject(to)) return undefined
  const changes = plainObject()
  for (const [key, value] of Object.entries(to))
    if (!deepEqual(value, plainAt(before, [key]))) changes[key] = value
  for (const key of Object.keys(before)) if (!Object.hasOwn(to, key)) changes[key] = null
  return changes
}

/** The VS Code `inputs` a server prompts for with `${input:id}`, as the file declares them. */
function declaredInputs(file: Placed['file'], entry: Placed['entry']): PlainValue[] {
  const used = new Set(
    [...JSON.stringify(toPlain(entry.value)).matchAll(/\$\{input:([^}]+)\}/g)].map((m) => m[1])
  )
  if (used.size === 0 || file.root?.kind !== 'object') return []
  const declared = findProperty(file.root, 'inputs')?.value
  const inputs = declared === undefined ? [] : toPlain(declared)
  return Array.isArray(inputs)
    ? inputs.filter(
        (input) => isObject(input) && typeof input.id === 'string' && used.has(input.id)
      )
    : []
}
