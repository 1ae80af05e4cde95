import type {
  Dialect,
  Platform,
  PlatformId,
  SourceDialect,
  SourceGenerator
} from '../platforms/platform.js'
import type { LoadedLockfile } from '../lockfile/lockfile.js'
import type { Enumeration } from './tools.js'
import type { SyntaxProblem } from '../parse/syntax-problem.js'
import type { ReadProblem } from '../parse/read-file.js'
import type { PendingSettings } from '../trust/settings-change.js'
import type { Location, SourceText } from './location.js'
import type { UnattributedFile } from '../discover/unattributed.js'
import type { Derived } from '../util/memo.js'
import type { ObjectNode, PlainObject, PropertyNode, StringNode, ValueNode } from './tree.js'

export type Transport = 'stdio' | 'http' | 'sse' | 'unknown'

/** One server entry of a config file, located; fields are the effective (last-wins) properties. */
export interface ServerEntry {
  readonly name: StringNode
  readonly value: ValueNode
  readonly fields: ReadonlyMap<string, PropertyNode>
  readonly transport: Transport
  /** Forms computed from the entry (plain, canonical per platform), once, by the rules that read them. */
  readonly derived: Derived
}

/**
 * One config file as read and parsed: a client's (`D` = Platform, the default) or, with any
 * Dialect, one of the central source's. Content fields are empty when it could not be read.
 */
export interface ConfigFile<D extends Dialect = Platform> {
  /** Repo-relative, `/`-separated. */
  readonly path: string
  readonly platform: D
  readonly source: SourceText | undefined
  readonly readProblem: (ReadProblem & { readonly location: Location }) | undefined
  /** The file starts with a UTF-8 byte order mark (decoding drops it from the text). */
  readonly byteOrderMark: boolean
  readonly syntaxProblems: readonly SyntaxProblem[]
  /** JSONC comments and trailing commas found, allowed or not. */
  readonly comments: readonly Location[]
  readonly trailingCommas: readonly Location[]
  /** The parsed value, when the file parsed. */
  readonly root: ValueNode | undefined
  /** The property holding the server map (`mcpServers`, `servers`, …), when present. */
  readonly serversProperty: PropertyNode | undefined
  readonly servers: readonly ServerEntry[]
}

/** A file of the central source, or of any client. */
export type AnyConfigFile = ConfigFile<Dialect>

/** Everything one lint run looks at: the client files and the central source. */
export interface Workspace {
  /** The files clients read. */
  readonly files: readonly ConfigFile[]
  /** The central source merged from its files; undefined when the repository has none. */
  readonly source?: SourceModel | undefined
  /** What enumeration found, when servers were enumerated. */
  readonly tools?: Enumeration | undefined
  /** The tool-surface lockfile compared against, if the repository (or the caller) has one. */
  readonly lockfile?: LoadedLockfile | undefined
  /** Packages the repository's package.json depends on: `npx` runs the locked local copy. */
  readonly projectPackages?: ReadonlySet<string> | undefined
  /** On a pull request: the branch's own mcp-lint.json where it differs from the base's, applied instead. */
  readonly pendingSettings?: PendingSettings | undefined
  /** Files holding an MCP server map at paths nothing mcp-lint knows reads (config-unattributed). */
  readonly unattributed?: readonly UnattributedFile[] | undefined
}

export function isClientFile(file: AnyConfigFile): file is ConfigFile {
  return file.platform.role === 'client'
}

export function isSourceFile(file: AnyConfigFile): file is ConfigFile<SourceDialect> {
  return file.platform.role === 'source'
}

/** Every file of the run, the central source's first. */
export function allFiles(workspace: Workspace): readonly AnyConfigFile[] {
  return [
    ...(workspace.source?.files ?? []),
    ...(workspace.source?.unused ?? []),
    ...workspace.files
  ]
}

export function isObject(node: ValueNode | undefined): node is ObjectNode {
  return node?.kind === 'object'
}

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
