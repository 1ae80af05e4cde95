import type { ConfigFile, ServerEntry } from '../core/model.js'
import type { Location } from '../core/source.js'
import type { PlainObject, StringNode } from '../core/tree.js'
import type { Platform, PlatformId, SourceDialect, SourceGenerator } from '../platforms/platform.js'

/** A platform file the central source is kept in sync with. */
export interface Target {
  readonly platform: Platform
  readonly path: string
  /** Where the source's `targets` names it; undefined for targets found on disk. */
  readonly declaredAt: Location | undefined
}

export interface SourceServer {
  readonly name: string
  /** The located entry: in a source file, or in the environment overlay that added it. */
  readonly entry: ServerEntry
  /** The entry's value after the environment overlay, without the source-only fields. */
  readonly value: PlainObject
  /** The platforms that carry it; undefined means every target. */
  readonly platforms: readonly Platform[] | undefined
  readonly overrides: ReadonlyMap<PlatformId, PlainObject>
  readonly description: string | undefined
}

export interface SourceDuplicate {
  readonly name: string
  readonly first: StringNode
  readonly second: StringNode
}

/** The central source: the main file, its fragments and the selected environment, merged. */
export interface SourceModel {
  readonly main: ConfigFile<SourceDialect> | undefined
  /** The files the source is made of. */
  readonly files: readonly ConfigFile<SourceDialect>[]
  /** Source files of a format another one outranks: linted, not used. */
  readonly unused: readonly ConfigFile<SourceDialect>[]
  /** The tool that writes the client files from this source, when it is not mcp-lint. */
  readonly generator?: SourceGenerator
  /** The generator keeps servers a client file has besides the source's: they are not drift. */
  readonly keepsOtherServers?: boolean
  readonly servers: readonly SourceServer[]
  readonly duplicates: readonly SourceDuplicate[]
  readonly targets: readonly Target[]
  readonly environment: string | undefined
}

export const SOURCE_PATH = '.agents/mcp/mcp-servers.json'
export const FRAGMENTS_DIR = '.agents/mcp/servers'
export const ENVIRONMENTS_DIR = '.agents/mcp/environments'

/** Fields of a source entry that describe it rather than the server. */
export const SOURCE_ONLY_FIELDS = ['platforms', 'overrides', 'description']
