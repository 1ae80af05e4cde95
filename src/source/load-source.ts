import { extractServers } from '../parse/load.js'
import type { AnyConfigFile, ConfigFile, ServerEntry } from '../model/workspace.js'
import { compareText } from '../model/diagnostic.js'
import {
  findProperty,
  toPlain,
  type ObjectNode,
  type PlainObject,
  type PlainValue,
  type ValueNode,
  plainObject
} from '../model/tree.js'
import { getPlatform, resolvePlatform } from '../platforms/index.js'
import type { Platform, PlatformId, SourceDialect } from '../platforms/platform.js'
import { mergeOverlay } from '../canonical/merge.js'
import { isObject } from '../canonical/normalize.js'
import {
  SOURCE_ONLY_FIELDS,
  SOURCE_PATH,
  type SourceDuplicate,
  type SourceModel,
  type SourceServer,
  type Target
} from './model.js'
import { getOrCompute } from '../util/memo.js'

/** A parsed environment overlay (`.agents/mcp/environments/<name>.json`). */
export interface Overlay {
  readonly name: string
  readonly servers: ObjectNode
}

/**
 * Builds the central source from the workspace's source files (the main file first, then the
 * fragments in path order) and an optional environment overlay. Undefined without any source file.
 */
export function buildSource(
  sourceFiles: readonly ConfigFile<SourceDialect>[],
  /** The client files, targets by default. */
  files: readonly ConfigFile[],
  overlay?: Overlay,
  /** The main file's path, when the repository keeps it somewhere else (the Action's `source`). */
  mainPath = SOURCE_PATH
): SourceModel | undefined {
  const { used, unused } = chooseSource(sourceFiles)
  const dialect = used[0]?.platform
  if (dialect === undefined) return undefined
  const generated = dialect.generator !== undefined
  const ordered = [...used].sort((a, b) =>
    generated
      ? compareText(a.platform.id, b.platform.id) || compareText(a.path, b.path)
      : a.path === mainPath
        ? -1
        : b.path === mainPath
          ? 1
          : compareText(a.path, b.path)
  )
  const main = generated ? ordered[0] : ordered.find((file) => file.path === mainPath)

  // A server in two files of one format is a conflict; across formats (ruler.toml over the
  // legacy .ruler/mcp.json) the first format wins by design.
  const entries = new Map<string, { entry: ServerEntry; file: ConfigFile<SourceDialect> }>()
  const duplicates: SourceDuplicate[] = []
  for (const file of ordered) {
    for (const entry of file.servers) {
      const first = entries.get(entry.name.value)
      if (first === undefined) entries.set(entry.name.value, { entry, file })
      else if (first.file.platform.id === file.platform.id)
        duplicates.push({ name: entry.name.value, first: first.entry.name, second: entry.name })
    }
  }

  const values = new Map<string, { entry: ServerEntry; value: PlainValue }>()
  // One plain copy of each file's root, not one per server: per server it is quadratic.
  const roots = new Map<ConfigFile<SourceDialect>, PlainValue>()
  const rootOf = (file: ConfigFile<SourceDialect>): PlainValue =>
    getOrCompute(roots, file, () => (file.root === undefined ? null : toPlain(file.root)))
  for (const [name, { entry, file }] of entries) {
    const plain = toPlain(entry.value)
    const toCommon = file.platform.toCommon
    const root = toCommon === undefined ? null : rootOf(file)
    const value =
      toCommon === undefined || !isObject(plain)
        ? plain
        : toCommon(name, plain, isObject(root) ? root : plainObject())
    if (value !== undefined) values.set(name, { entry, value })
  }
  if (overlay !== undefined) {
    for (const entry of extractServers(overlay.servers)) {
      const name = entry.name.value
      const change = toPlain(entry.value)
      const current = values.get(name)
      if (change === null) values.delete(name)
      else if (current !== undefined && isObject(current.value) && isObject(change)) {
        values.set(name, { entry: current.entry, value: mergeOverlay(current.value, change) })
      } else values.set(name, { entry, value: change })
    }
  }

  const servers: SourceServer[] = []
  for (const [name, { entry, value }] of values) {
    if (!isObject(value)) continue // config-schema reports the entry
    servers.push(toSourceServer(name, entry, value))
  }
  return {
    main,
    files: ordered,
    unused,
    ...(dialect.generator === undefined ? {} : { generator: dialect.generator }),
    ...(main?.root === undefined || dialect.keepsOtherServers === undefined
      ? {}
      : { keepsOtherServers: dialect.keepsOtherServers(plainRoot(main.root)) }),
    servers,
    duplicates,
    targets: readTargets(main, files),
    environment: overlay?.name
  }
}

/**
 * The files the repository's central source is made of: every file of the best-ranked format it
 * has (mcp-lint's own before rulesync's before ruler's); another tool's format contributes only
 * the first path it lists (rulesync's .jsonc over its legacy names). The rest are linted but not
 * used.
 */
function chooseSource(files: readonly ConfigFile<SourceDialect>[]): {
  used: ConfigFile<SourceDialect>[]
  unused: ConfigFile<SourceDialect>[]
} {
  const rank = Math.min(...files.map((file) => file.platform.rank))
  const best = files.filter((file) => file.platform.rank === rank)
  const used =
    rank === 0
      ? best
      : best.filter(
          (file) =>
            !best.some(
              (other) =>
                other.platform.id === file.platform.id &&
                other.platform.paths.indexOf(other.path) < file.platform.paths.indexOf(file.path)
            )
        )
  return { used, unused: files.filter((file) => !used.includes(file)) }
}

function plainRoot(root: ValueNode): PlainObject {
  const plain = toPlain(root)
  return isObject(plain) ? plain : plainObject()
}

function toSourceServer(name: string, entry: ServerEntry, value: PlainObject): SourceServer {
  const server = plainObject()
  for (const [key, field] of Object.entries(value))
    if (!SOURCE_ONLY_FIELDS.includes(key)) server[key] = field
  const listed = Array.isArray(value.platforms) ? value.platforms : undefined
  const platforms = listed?.flatMap((item) => {
    const platform = typeof item === 'string' ? resolvePlatform(item) : undefined
    return platform === undefined ? [] : [platform]
  })
  const overrides = new Map<PlatformId, PlainObject>()
  if (isObject(value.overrides)) {
    for (const [key, override] of Object.entries(value.overrides)) {
      const platform = resolvePlatform(key)
      if (platform !== undefined && isObject(override)) overrides.set(platform.id, override)
    }
  }
  return {
    name,
    entry,
    value: server,
    platforms,
    overrides,
    description: typeof value.description === 'string' ? value.description : undefined
  }
}

/**
 * The files the source is kept in sync with: the source's `targets` (ids or aliases, or objects
 * with a path), or else every platform file present in the repository.
 */
function readTargets(main: AnyConfigFile | undefined, files: readonly ConfigFile[]): Target[] {
  const declared =
    main?.root?.kind === 'object' ? findProperty(main.root, 'targets')?.value : undefined
  if (declared === undefined) {
    // A client that merges a folder of files (Continue) is one target only when it has one file
    // there: each file holds part of its servers, so none can be checked alone.
    const perPlatform = (file: ConfigFile) =>
      files.filter((other) => other.platform.id === file.platform.id).length
    return files
      .filter((file) => file.platform.folders === undefined || perPlatform(file) === 1)
      .map((file) => ({ platform: file.platform, path: file.path, declaredAt: undefined }))
  }
  const targets: Target[] = []
  const add = (platform: Platform | undefined, path: string | undefined, at: ValueNode) => {
    if (platform === undefined) return // config-schema reports unknown platform names
    targets.push({ platform, path: path ?? defaultPath(platform), declaredAt: at.location })
  }
  if (declared.kind === 'array') {
    for (const item of declared.items) {
      if (item.kind === 'string') add(resolvePlatform(item.value), undefined, item)
      else if (item.kind === 'object') {
        const platform = findProperty(item, 'platform')?.value
        const path = findProperty(item, 'path')?.value
        add(
          platform?.kind === 'string' ? resolvePlatform(platform.value) : undefined,
          path?.kind === 'string' ? path.value : undefined,
          item
        )
      }
    }
  } else if (declared.kind === 'object') {
    for (const property of declared.properties) {
      const path = property.value.kind === 'string' ? property.value.value : undefined
      if (property.value.kind === 'boolean' && !property.value.value) continue
      add(resolvePlatform(property.key.value), path, property.key)
    }
  }
  return targets
}

function defaultPath(platform: Platform): string {
  return platform.paths[0] ?? getPlatform(platform.id).paths[0] ?? ''
}
