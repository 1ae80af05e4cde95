import { UsageError } from '../util/errors.js'
import { closest } from '../util/suggest.js'
import { platforms } from './clients.js'
import type { Dialect, Platform, PlatformId, SourceDialect } from './platform.js'
import { rulesync } from './rulesync.js'
import { ruler, rulerJson } from './ruler.js'
import { source } from './source.js'

export { platforms }

/** The formats of a central source, by rank: the first a repository has is its source. */
export const sourceDialects: readonly SourceDialect[] = [source, rulesync, ruler, rulerJson]

/** Every file format mcp-lint reads: the central source's and the clients'. */
export const dialects: readonly Dialect[] = [...sourceDialects, ...platforms]

const byId = new Map<string, Platform>(platforms.map((platform) => [platform.id, platform]))

export function findPlatform(id: string): Platform | undefined {
  return byId.get(id)
}

export function getPlatform(id: PlatformId): Platform {
  const platform = byId.get(id)
  if (platform === undefined) throw new Error(`unknown platform ${id}`)
  return platform
}

/** A platform by id or alias (`claude`, `gemini`, `copilot`, …), case-insensitive. */
export function resolvePlatform(name: string): Platform | undefined {
  const wanted = name.toLowerCase()
  return platforms.find((platform) => platform.id === wanted || platform.aliases.includes(wanted))
}

/**
 * A list of platforms as a person writes it (`claude, cursor gemini`): ids or aliases, split on
 * commas and whitespace. An unknown name is a usage error with the closest known one.
 */
export function parsePlatformList(text: string, label: string): PlatformId[] {
  return text
    .split(/[\s,]+/)
    .filter((name) => name !== '')
    .map((name) => {
      const platform = resolvePlatform(name)
      if (platform !== undefined) return platform.id
      const guess = closest(name.toLowerCase(), platformNames())
      throw new UsageError(
        `${label}: unknown platform "${name.slice(0, 40)}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}`
      )
    })
}

/** Every name a central source may use for a platform. */
export function platformNames(): string[] {
  return platforms.flatMap((platform) => [platform.id, ...platform.aliases])
}

/** The client, or the central source, whose known path this is, if any. */
export function dialectForPath(path: string): Dialect | undefined {
  // Central source fragments live in a directory of their own.
  if (/^\.agents\/mcp\/servers\/[^/]+\.json$/.test(path)) return source
  return dialects.find(
    (dialect) => dialect.paths.includes(path) || inFolders(dialect, path) !== undefined
  )
}

/** Whether a path is a file of one of the dialect's `folders`; the folder when it is. */
export function inFolders(dialect: Dialect, path: string): string | undefined {
  return dialect.folders?.find(
    (folder) =>
      path.startsWith(`${folder.dir}/`) &&
      folder.extensions.some((extension) => path.endsWith(extension))
  )?.dir
}

/** The platforms with this server-map key as their canonical key, for "wrong root key" messages. */
export function platformsUsingKey(key: string): Platform[] {
  return platforms.filter((platform) => platform.serversKeys[0] === key)
}

export type { Dialect, Platform, PlatformId } from './platform.js'
