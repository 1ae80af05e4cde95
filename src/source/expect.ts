import { plainObject, type PlainObject, type PlainValue } from '../model/tree.js'
import { source as sourceDialect } from '../platforms/source.js'
import type { Platform } from '../platforms/platform.js'
import { item, type CanonicalServer, type FieldPath, type Item } from '../canonical/canonical.js'
import { mergeOverlay } from '../canonical/merge.js'
import type { SourceModel, SourceServer, Target } from './model.js'
import { isObject, normalizeServer } from '../canonical/normalize.js'
import { renderServer, type Rendered } from '../canonical/render.js'
import { getOrCompute } from '../util/memo.js'

/**
 * Override keys that change the server itself on a platform: the source's fields the platform has.
 * `disabled` and `inputs` (VS Code's file-level prompts) are handled apart; any other key (Claude
 * Code's own "cwd", which it ignores, Gemini's "trust") is a platform-only field written as it is.
 */
export function overridableFields(platform: Platform): ReadonlySet<string> {
  return getOrCompute(fieldsByPlatform, platform, () => listOverridableFields(platform))
}

const fieldsByPlatform = new WeakMap<Platform, ReadonlySet<string>>()

function listOverridableFields(platform: Platform): ReadonlySet<string> {
  const t = platform.translation
  return new Set([
    'type',
    'command',
    'args',
    'env',
    'url',
    ...(t.cwd ? ['cwd'] : []),
    ...(t.headers ? ['headers'] : []),
    ...(platform.tools?.filters?.allow === undefined ? [] : ['includeTools']),
    ...(platform.tools?.filters?.deny === undefined ? [] : ['excludeTools']),
    ...(t.timeouts?.tool === undefined ? [] : ['toolTimeoutSec']),
    ...(t.timeouts?.startup === undefined ? [] : ['startupTimeoutSec'])
  ])
}

export interface Expected {
  readonly server: SourceServer
  readonly canonical: CanonicalServer
  readonly rendered: Rendered
}

/** The source server as one platform should carry it: overrides applied, in canonical form. */
export function canonicalFor(
  server: SourceServer,
  platform: Platform
): { canonical: CanonicalServer; extras: PlainObject } {
  const override = server.overrides.get(platform.id)
  // Most servers carry no override: one canonical form then serves every platform.
  if (override === undefined || Object.keys(override).length === 0) {
    const canonical = getOrCompute(plainCanonical, server, () => ({
      ...normalizeServer(sourceDialect, server.value),
      disabled: undefined,
      extras: new Map()
    }))
    return { canonical, extras: plainObject() }
  }
  const changes = plainObject()
  const extras = plainObject()
  const fields = overridableFields(platform)
  for (const [key, value] of Object.entries(override)) {
    if (fields.has(key)) changes[key] = value
    else if (key === 'inputs') continue
    // `disabled: true` disables the server wherever it can be; elsewhere the key is the file's own.
    else if (key !== 'disabled' || (value !== true && platform.translation.disabled === undefined))
      extras[key] = value
  }
  const merged = mergeOverlay(server.value, changes)
  const normalized = normalizeServer(sourceDialect, merged)
  // Values an override set are located in the override, not in the shared entry.
  const prefix: FieldPath = ['overrides', platform.id]
  const relocate = <T>(value: Item<T>): Item<T> =>
    fromOverride(override, value.path) ? item(value.value, [...prefix, ...value.path]) : value
  const relocateMap = (map: ReadonlyMap<string, Item<string>>) =>
    new Map([...map].map(([key, value]) => [key, relocate(value)]))
  const disabled = override.disabled === true ? item(true, [...prefix, 'disabled']) : undefined
  return {
    canonical: {
      ...normalized,
      command: normalized.command && relocate(normalized.command),
      args: normalized.args.map(relocate),
      env: relocateMap(normalized.env),
      cwd: normalized.cwd && relocate(normalized.cwd),
      url: normalized.url && relocate(normalized.url),
      headers: relocateMap(normalized.headers),
      disabled,
      extras: new Map()
    },
    extras
  }
}

const plainCanonical = new WeakMap<SourceServer, CanonicalServer>()

function fromOverride(override: PlainObject, path: FieldPath): boolean {
  let node: PlainValue | undefined = override
  for (const segment of path) {
    if (!isObject(node)) return false
    node = node[segment]
  }
  return node !== undefined
}

/** Whether the source puts a server on a target's platform. */
export function carries(server: SourceServer, platform: Platform): boolean {
  return (
    server.platforms === undefined ||
    server.platforms.some((candidate) => candidate.id === platform.id)
  )
}

/** The servers a target file should hold, each rendered for its platform; once per run and target. */
export function expectedFor(source: SourceModel, target: Target): readonly Expected[] {
  const byTarget = getOrCompute(expectedBySource, source, () => new WeakMap())
  return getOrCompute(byTarget, target, () => renderExpected(source, target))
}

const expectedBySource = new WeakMap<SourceModel, WeakMap<Target, readonly Expected[]>>()

function renderExpected(source: SourceModel, target: Target): readonly Expected[] {
  return source.servers
    .filter((server) => carries(server, target.platform))
    .map((server) => {
      const { canonical, extras } = canonicalFor(server, target.platform)
      return {
        server,
        canonical,
        rendered: renderServer(
          target.platform,
          canonical,
          extras,
          server.description,
          source.generator === undefined ? 'per-platform' : 'as-is'
        )
      }
    })
}

/** VS Code `inputs` the source's overrides declare for a target, first declaration of an id winning. */
export function expectedInputs(source: SourceModel, target: Target): PlainObject[] {
  const inputs = new Map<string, PlainObject>()
  for (const server of source.servers) {
    if (!carries(server, target.platform)) continue
    const declared = server.overrides.get(target.platform.id)?.inputs
    for (const input of Array.isArray(declared) ? declared : []) {
      if (isObject(input) && typeof input.id === 'string' && !inputs.has(input.id))
        inputs.set(input.id, input)
    }
  }
  return [...inputs.values()]
}
