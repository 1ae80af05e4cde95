import type { PlainObject } from '../model/tree.js'
import type { ExposedTool, NamingServer } from './tool-naming.js'
import type { JsonSchema } from './schema-parts.js'

/** The clients mcp-lint knows. */
export type PlatformId =
  | 'amazon-q'
  | 'antigravity'
  | 'claude-code'
  | 'claude-desktop'
  | 'codex'
  | 'continue'
  | 'continue-json'
  | 'crush'
  | 'cursor'
  | 'gemini-cli'
  | 'junie'
  | 'kilo'
  | 'kilo-code'
  | 'kiro'
  | 'mistral-vibe'
  | 'opencode'
  | 'qwen-code'
  | 'roo'
  | 'trae'
  | 'vscode'
  | 'windsurf'
  | 'zed'

/** The formats a central source may be written in: mcp-lint's own, rulesync's and ruler's. */
export type SourceDialectId = 'source' | 'rulesync' | 'ruler' | 'ruler-json'

export type DialectId = PlatformId | SourceDialectId

/**
 * How sure the research is of a platform fact (../shared/docs/platforms.md marks doubtful ones ❓).
 * Findings that rest on an unconfirmed fact are one severity level milder (error → warning → notice).
 */
export type Certainty = 'confirmed' | 'unconfirmed'

/** Whether the platform's own parser accepts a JSONC feature. */
export type Allowance =
  | 'allowed'
  | {
      readonly forbidden: Certainty
      /** What the platform does with the file instead, naming the client version verified. */
      readonly consequence?: string
    }

/** The ways MCP configs write a reference to an environment variable or editor variable. */
export type InterpolationSyntax =
  /** `${VAR}` */
  | 'brace'
  /** `${VAR:-default}` */
  | 'brace-default'
  /** `$VAR` */
  | 'bare'
  /** `{env:VAR}` (OpenCode) */
  | 'curly-env'
  /** `${{ secrets.VAR }}` (Continue), filled from .env files and the environment */
  | 'secrets-template'

export interface Interpolation {
  readonly certainty: Certainty
  readonly syntaxes: readonly InterpolationSyntax[]
  /** `${prefix:…}` forms the platform expands: `env`, `input`, `config`, … */
  readonly prefixes: readonly string[]
  /** Named `${variable}`s the platform predefines (`workspaceFolder`, `userHome`, …). */
  readonly variables: readonly string[]
  /** Server fields whose strings are expanded; `all` for every string. */
  readonly fields: 'all' | readonly string[]
  /** How an env reference should be written here, or undefined when the platform has no syntax. */
  readonly preferred: 'brace' | 'env-prefix' | 'curly-env' | 'secrets-template' | undefined
  /** What to do instead when the platform expands nothing; `{name}` is the variable's name. */
  readonly advice?: string
  /**
   * Verified: reference syntaxes whose mere presence makes the client refuse the whole file (Kilo
   * refuses `{env:VAR}` in project files, which it treats as untrusted).
   */
  readonly refuses?: {
    readonly syntaxes: readonly InterpolationSyntax[]
    readonly consequence: string
    readonly verified: string
  }
  /**
   * How to keep a secret out of the file when the platform expands nothing and the usual advice
   * (set it in the environment the client starts from) does not hold; `{name}` is the variable's name.
   */
  readonly secretAdvice?: string
  /**
   * The platform expands a command substitution (`$(…)`, backticks) in these fields when it
   * starts the server: a command the repository wrote runs on the user's machine (Crush).
   */
  readonly commandSubstitution?: { readonly verified: string }
  /**
   * Verified: the platform starts the server with a reference it does not expand left as written.
   * The server loads (with a wrong value), so such findings are a level milder.
   */
  readonly unexpandedStaysLiteral?: boolean
}

/** What a launch variable stands for when the client starts a server. */
export type LaunchValue =
  /** The folder the client opened, which holds the config: the repository root. */
  | 'workspaceFolder'
  /** The last segment of that folder's path. */
  | 'workspaceFolderBasename'
  /** The user's home directory. */
  | 'userHome'
  /** The path separator. */
  | 'pathSeparator'

/** The directory a client starts a stdio server in when the entry sets no `cwd`, or the client ignores it. */
export type ServerDirectory =
  /** The workspace folder that holds the config. */
  | 'workspace'
  /** The directory the client was started in, which is the project when it reads the project file there. */
  | 'launch-directory'
  /** The user's home directory. */
  | 'home'
  /** Whatever directory the client app's own process has: `/` for a macOS app started from the Dock. */
  | 'client-process'
  /** No source says. */
  | 'undocumented'

/**
 * What a client does to a stdio server entry just before it starts the server: the path variables
 * it replaces and the directory it starts the server in. Environment references are
 * `interpolation`; mcp-lint never fills them from the runner.
 */
export interface LaunchSemantics {
  /** `${name}`s replaced with a path, by what each stands for (`/` is VS Code's `${/}`). */
  readonly variables: Readonly<Record<string, LaunchValue>>
  /** `${prefix:…}` forms whose value comes from the user or their machine: a prompt, a setting, a file. */
  readonly prompted: readonly string[]
  /** A leading `~` in the command, the arguments and `cwd` becomes the home directory. */
  readonly tilde: boolean
  /** Where a server without `cwd` starts; a relative `cwd` is resolved against the same directory. */
  readonly cwd: ServerDirectory
  readonly certainty: { readonly variables: Certainty; readonly cwd: Certainty }
  /** Files, pages and issues the facts come from. */
  readonly source: string
  /** The client version, or source commit and date, the facts were checked against. */
  readonly verified: string
}

export type ServerTransport = 'stdio' | 'http' | 'sse'

/**
 * Every `type` spelling seen in real configs for the three transports ("streamable-http" and
 * "streamableHttp" included), for the clients that accept them all.
 */
export const everyTypeSpelling: Readonly<Record<string, ServerTransport>> = {
  stdio: 'stdio',
  http: 'http',
  'streamable-http': 'http',
  streamableHttp: 'http',
  sse: 'sse'
}

/**
 * How the platform writes a server, for normalising its files into the canonical model and for
 * rendering the central source into them (../shared/docs/platforms.md §4.1-4.2).
 */
export interface Translation {
  /** Transports the platform can express. */
  readonly transports: readonly ServerTransport[]
  /** Key a remote URL is written under, and every key read as one (with the transport it implies). */
  readonly urlKey: string
  readonly urlKeys: Readonly<Record<string, ServerTransport | undefined>>
  /** The `type` written for each transport; a transport without one is written without `type`. */
  readonly typeValues: Readonly<Partial<Record<ServerTransport, string>>>
  /** `type` values read, and the transport each means. */
  readonly readTypes: Readonly<Record<string, ServerTransport>>
  /** The key the transport is written under, when it is not `type` (Mistral Vibe's `transport`). */
  readonly typeKey?: string
  /**
   * Every entry must state its type, local ones too (OpenCode's "local", Mistral Vibe's
   * transport): the client refuses one without. Elsewhere a command says a server is local.
   */
  readonly typeRequired?: boolean
  readonly cwd: boolean
  readonly headers: boolean
  /** Where headers are written inside the entry, when not under `headers` (Continue's requestOptions.headers). */
  readonly headersAt?: readonly [string, ...string[]]
  /** How a disabled server is marked, if the file can say so. */
  readonly disabled?: { readonly key: string; readonly whenDisabled: boolean }
  /** Another key read as marking a server disabled, when `disabled`'s is absent (OpenCode V2's "disabled"). */
  readonly disabledToo?: { readonly key: string; readonly whenDisabled: boolean }
  /** How environment references are written: `${VAR}`, `${env:VAR}`, not at all, or as names of variables to forward (Codex's env_vars, bearer_token_env_var). */
  readonly references:
    'brace' | 'env-prefix' | 'curly-env' | 'secrets-template' | 'none' | 'env-vars'
  /** `command` is the whole command line as an array, program first (OpenCode); no `args`. */
  readonly commandArray?: true
  /**
   * `command` may be one string split into words as a POSIX shell would, or an array of words;
   * `args` follow those words (Mistral Vibe: `shlex.split(command)` or `list(command)`, then args).
   */
  readonly commandLine?: true
  /** The key environment variables are written under, when it is not `env` (OpenCode's `environment`). */
  readonly envKey?: string
  /** Source `description` is written into the server entry. */
  readonly description: boolean
  /** References in other platforms' syntax are read as references too (the central source only). */
  readonly lenientReferences?: boolean
  /** The fields that bound one tool call and the server's start, where the platform has them. */
  readonly timeouts?: {
    readonly tool?: TimeoutField
    readonly startup?: TimeoutField
  }
}

/** A timeout field: its key, its unit, and where that comes from. */
export interface TimeoutField {
  readonly key: string
  readonly unit: 'ms' | 's'
  readonly source: string
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
   * Server fields (paths below the entry, `*` for any key or index) whose wrongly typed value the
   * platform only warns about, then uses as written and loads the server: config-schema reports
   * them one level milder, with the consequence.
   */
  /**
   * Verified: a key written twice in one object loads with its last value, as JSON.parse does, so
   * config-duplicate-key reports a warning (the first copy is dead text), not a refusal.
   */
  readonly duplicateKeys?: { readonly keeps: 'last'; readonly verified: string }
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

/**
 * How a client names MCP tools for the model (../shared/docs/platforms.md §4.4): the formula, and
 * what it does when names meet. Shared helpers live in tool-naming.ts.
 */
export interface ToolNaming {
  /** Every tool of every server under the name the client exposes it as, in server order. */
  readonly expose: (servers: readonly NamingServer[]) => ExposedTool[]
  readonly certainty: Certainty
  /** What the client does when two tools end up under one exposed name, for the message. */
  readonly clash: string
  /**
   * What the client does with a raw tool name two servers share: the model tells them apart by
   * the server prefix (absent), or the client renames them `<server>_<tool>` (Zed).
   */
  readonly sharedName?: 'renamed'
  /** A server name the formula mishandles: why, for the message, and whether every tool breaks. */
  readonly serverName?: (server: string) => ServerNameProblem | undefined
  /** Why the formula drops, refuses or overlengthens a tool name, and what fixes it. */
  readonly why?: Partial<Record<'dropped' | 'too-long' | 'invalid', NameChangeReason>>
}

export interface NameChangeReason {
  /** The clause after "… tools of server X": "because server and tool names reach 60 characters". */
  readonly reason: string
  readonly fix: string
}

export interface ServerNameProblem {
  readonly message: string
  /** Every tool of the server is refused (not just misread): a finding about each tool would repeat it. */
  readonly breaksTools: boolean
}

/** A number a platform enforces, with where it was read and when it was last checked. */
export interface SourcedLimit {
  readonly value: number
  /** Issue, doc page or source file the number comes from. */
  readonly source: string
  /** ISO date the source was read. */
  readonly checked: string
}

/**
 * Tool counts above which a platform degrades (warning) or fails (error). Both are defaults:
 * mcp-lint.json `toolLimits` overrides them per platform.
 */
export interface ToolLimits {
  readonly warning?: SourcedLimit
  readonly error?: SourcedLimit
  readonly certainty: Certainty
  /** What happens above the limit, for the message. */
  readonly consequence: string
}

/** Server fields a platform applies to the tool list before the model sees it. */
export interface ToolFilters {
  /** An allow-list: only these tools are loaded. */
  readonly allow?: string
  /** A deny-list, applied after the allow-list. */
  readonly deny?: string
  /**
   * A list field that leaves all of the server's tools out of the model request when it holds
   * `value` (Codex `omit_tools_from = ["direct"]`).
   */
  readonly omit?: { readonly field: string; readonly value: string }
  /**
   * Verified: how the client reads a string where a filter list belongs. Gemini CLI 0.61.0 throws
   * on a string allow-list, so no tool passes, and tests a string deny-list with String.includes,
   * so every tool whose name the string contains is removed.
   */
  readonly scalar?: {
    readonly allow: 'nothing'
    readonly deny: 'substring'
    readonly verified: string
  }
}

/**
 * Settings outside the server map that name which servers the client starts (Gemini CLI
 * `mcp.allowed`/`mcp.excluded`): each a property path from the file's root to a list of names.
 */
export interface ServerLists {
  /** Only these servers start; an empty list admits every server. */
  readonly allow: readonly string[]
  /** These never start, whatever the allow-list says. */
  readonly deny: readonly string[]
  /** The client version and date the behaviour was checked. */
  readonly verified: string
}

export interface ToolExposure {
  readonly naming?: ToolNaming
  readonly limits?: ToolLimits
  readonly filters?: ToolFilters
  readonly servers?: ServerLists
}
