import type { PlainObject } from '../model/tree.js'
import type { Certainty } from './certainty.js'
import type { DialectId, PlatformId, SourceDialectId } from './dialect-ids.js'
import type { Interpolation } from './interpolation.js'
import type { LaunchSemantics } from './launch-semantics.js'
import type { JsonSchema } from './schema-parts.js'
import type { ToolExposure } from './tool-exposure.js'
import type { Translation } from './translation.js'

// The facts a Dialect holds are typed by topic in sibling modules; re-exported here so that
// every consumer keeps importing platform types from this one module.
export type { Certainty } from './certainty.js'
export type { DialectId, PlatformId, SourceDialectId } from './dialect-ids.js'
export type { Interpolation, InterpolationSyntax } from './interpolation.js'
export type { LaunchSemantics, LaunchValue, ServerDirectory } from './launch-semantics.js'
export type {
  NameChangeReason,
  ServerLists,
  ServerNameProblem,
  SourcedLimit,
  ToolExposure,
  ToolFilters,
  ToolLimits,
  ToolNaming
} from './tool-exposure.js'
export {
  everyTypeSpelling,
  type ServerTransport,
  type TimeoutField,
  type Translation
} from './translation.js'

/** Whether the platform's own parser accepts a JSONC feature. */
export type Allowance =
  | 'allowed'
  | {
      readonly forbidden: Certainty
      /** What the platform does with the file instead, naming the client version verified. */
      readonly consequence?: string
    }

/**
 * How a file of MCP servers is written and read: what parsing, the schema, normalising and
 * rendering need. Every client has one, and so does each format of the central source.
 */
export interface Dialect {
  /** A client reads the file; the central source is read only by mcp-lint, to check and write the clients' files. */
  readonly role: 'client' | 'source'
  readonly id: DialectId
  readonly displayName: string
  /** What the facts were last checked against, for the README's client table: a version run, a source commit read, docs. */
  readonly checked: string
  /**
   * How sure the research is of the file format as a whole: `unconfirmed` for a closed-source
   * client known from its docs and from files users commit, never run. Every `config-…` finding
   * about such a file is then a notice.
   */
  readonly certainty?: Certainty
  /** Repo-relative paths the platform reads a project config from. */
  readonly paths: readonly string[]
  /**
   * Folders whose files the platform reads, each with the file extensions it takes; subfolders
   * too, up to four levels (Continue's `.continue/mcpServers/`).
   */
  readonly folders?: readonly { readonly dir: string; readonly extensions: readonly string[] }[]
  /**
   * Paths among `paths` that are linted only to say the platform never reads them (a path users
   * expect to work): config-schema reports an error naming the verified version, and the file's
   * servers count as not loaded.
   */
  readonly unreadPaths?: Readonly<
    Record<string, { readonly message: string; readonly verified: string }>
  >
  /**
   * Server names the platform refuses, when verified: config-schema reports only these (besides
   * `__proto__`); absent, "constructor" and "prototype" are reported too.
   */
  readonly reservedServerNames?: { readonly names: readonly string[]; readonly verified: string }
  readonly format: 'json' | 'toml' | 'yaml'
  /** A UTF-8 byte order mark at the start of the file, where the platform's reader is known. */
  readonly byteOrderMark?: Allowance
  /** JSONC features: absent for TOML. */
  readonly jsonc?: { readonly comments: Allowance; readonly trailingCommas: Allowance }
  /** Key of the server map; the first is canonical, later ones are accepted aliases. */
  readonly serversKeys: readonly [string, ...string[]]
  /**
   * A key inside the server map holding servers of a newer shape (OpenCode's V2 `mcp.servers`);
   * the entries beside it are servers too. A broken entry there refuses only that server.
   */
  readonly nestedServers?: string
  /**
   * The servers are a list of entries that each carry their name under `nameKey` (Mistral Vibe's
   * `[[mcp_servers]]`, Continue's `mcpServers:` list), not a map keyed by name. An entry without a
   * string name is no server.
   */
  readonly serverList?: {
    readonly nameKey: string
    /** Verified: of two entries with one name, the client keeps the first (Continue); absent, the last. */
    readonly keeps?: 'first'
    /**
     * Verified: what the client does with two entries whose names are equal once `key`
     * normalises them: refuse the whole file (Mistral Vibe) or drop one (Continue). config-schema
     * reports the second, an error when the file is refused, else a warning.
     */
    readonly unique?: {
      readonly key: (name: string) => string
      readonly refuses: 'file' | 'entry'
      readonly consequence: string
      readonly verified: string
    }
  }
  /**
   * A file without the server map whose root is itself one server (it has `command` or `url`)
   * holds that server, named by the file's base name (Continue's JSON files).
   */
  readonly fileServer?: true
  /** A file only for MCP, so a missing server map means the platform sees no servers. */
  readonly dedicated: boolean
  /** JSON Schema of the whole file, shipped in schemas/ for editors. */
  readonly schema: JsonSchema
  /** Whether unknown server fields are known to be ignored (confirmed) or only assumed to be. */
  readonly unknownFields: Certainty
  /** Fields the platform is known to ignore, with the reason shown to the user. */
  readonly ignoredFields: Readonly<Record<string, string>>
  /**
   * What the platform does with the whole file when one server entry breaks its schema (a wrong
   * type, an unknown value, a field its transport forbids): absent when it refuses only that
   * server. A server whose name it refuses is that server's problem either way.
   */
  readonly invalidEntry?: {
    readonly rejects: 'file'
    /**
     * Only an entry that is itself one of these JSON kinds (Gemini CLI: `null`) rejects the file;
     * absent, any schema error inside an entry does.
     */
    readonly entryKinds?: readonly string[]
    /** What happens, naming the client version it was verified with. */
    readonly consequence: string
    readonly verified: string
  }
  /**
   * Verified: a server map written as an array loads (after a warning) its items as servers named
   * by their index, "0", "1", …; config-schema reports it a level milder, with the consequence.
   */
  readonly serverArray?: { readonly consequence: string; readonly verified: string }
  /**
   * A setting outside the server map holding one stdio server as a shell command line (Gemini
   * CLI's legacy `mcp.serverCommand`): split as a POSIX shell would, it replaces the server named
   * `server`. A shell operator in it (`|`, `&&`, `>`, a glob, a comment) makes the client throw
   * and start no server at all.
   */
  readonly commandSetting?: {
    /** Property path from the file's root to the string. */
    readonly path: readonly string[]
    readonly server: string
    /** What an operator does, naming the client version it was verified with. */
    readonly consequence: string
    readonly verified: string
  }
  /**
   * Verified: a key written twice in one object loads with its last value, as JSON.parse does, so
   * config-duplicate-key reports a warning (the first copy is dead text), not a refusal.
   */
  readonly duplicateKeys?: { readonly keeps: 'last'; readonly verified: string }
  /**
   * Server fields (paths below the entry, `*` for any key or index) whose wrongly typed value the
   * platform only warns about, then uses as written and loads the server: config-schema reports
   * them one level milder, with the consequence.
   */
  readonly toleratedTypes?: {
    readonly fields: readonly string[]
    /** What happens, naming the client version it was verified with. */
    readonly consequence: string
    readonly verified: string
  }
  readonly interpolation: Interpolation
  readonly launch: LaunchSemantics
  readonly translation: Translation
  /**
   * How the platform shows MCP tools to the model: names, filters and limits, where known. A
   * source's `filters` are its own spelling of the tool lists every platform's are read into.
   */
  readonly tools?: ToolExposure
  /** Where the facts above come from. */
  readonly reference: string
}

/** A client: mostly data. Adding one is one file plus a line in index.ts. */
export interface Platform extends Dialect {
  readonly role: 'client'
  readonly id: PlatformId
  /** Other names for the platform in central sources (`claude`, `copilot`, …). */
  readonly aliases: readonly string[]
}

export interface SourceGenerator {
  readonly name: string
  readonly command: string
  readonly targetsKey?: string
}

/** A format of the central source: read by mcp-lint only, never by a client. */
export interface SourceDialect extends Dialect {
  readonly role: 'source'
  readonly id: SourceDialectId
  /**
   * Among the formats a repository has, the one used as its central source is the lowest rank;
   * formats of one rank are used together (ruler's TOML and its legacy JSON).
   */
  readonly rank: number
  /**
   * The tool that writes the client files from this source, when it is not mcp-lint: its name,
   * the command that writes them, and the server key that lists a server's clients, if it has one.
   */
  readonly generator?: SourceGenerator
  /**
   * Whether the generator keeps the servers a client file has besides the source's (ruler's
   * "merge"), given the source file's root: then those are not drift.
   */
  readonly keepsOtherServers?: (root: PlainObject) => boolean
  /**
   * Another tool's source entry in mcp-lint's source shape (`platforms`, `overrides` and the
   * server fields), given the whole file's root for per-client sections; undefined when the tool
   * skips the entry.
   */
  readonly toCommon?: (
    name: string,
    value: PlainObject,
    root: PlainObject
  ) => PlainObject | undefined
}
