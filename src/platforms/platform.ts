import type { JsonSchema } from './schema-parts.js'

export type PlatformId =
  | 'antigravity'
  | 'claude-code'
  | 'claude-desktop'
  | 'codex'
  | 'cursor'
  | 'gemini-cli'
  | 'kiro'
  | 'roo'
  | 'source'
  | 'vscode'
  | 'windsurf'
  | 'zed'

/**
 * How sure the research is of a platform fact (../shared/docs/platforms.md marks doubtful ones ❓).
 * Findings that rest on an unconfirmed fact are one severity level milder (error → warning → notice).
 */
export type Certainty = 'confirmed' | 'unconfirmed'

/** Whether the platform's own parser accepts a JSONC feature. */
export type Allowance = 'allowed' | { readonly forbidden: Certainty }

/** The ways MCP configs write a reference to an environment variable or editor variable. */
export type InterpolationSyntax =
  /** `${VAR}` */
  | 'brace'
  /** `${VAR:-default}` */
  | 'brace-default'
  /** `$VAR` */
  | 'bare'

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
  readonly preferred: 'brace' | 'env-prefix' | undefined
  /** What to do instead when the platform expands nothing; `{name}` is the variable's name. */
  readonly advice?: string
}

/** A platform adapter: mostly data. Adding a platform is one file plus a line in index.ts. */
export interface Platform {
  readonly id: PlatformId
  readonly displayName: string
  /** Repo-relative paths the platform reads a project config from. */
  readonly paths: readonly string[]
  readonly format: 'json' | 'toml'
  /** JSONC features: absent for TOML. */
  readonly jsonc?: { readonly comments: Allowance; readonly trailingCommas: Allowance }
  /** Key of the server map; the first is canonical, later ones are accepted aliases. */
  readonly serversKeys: readonly [string, ...string[]]
  /** A file only for MCP, so a missing server map means the platform sees no servers. */
  readonly dedicated: boolean
  /** JSON Schema of the whole file, shipped in schemas/ for editors. */
  readonly schema: JsonSchema
  /** Whether unknown server fields are known to be ignored (confirmed) or only assumed to be. */
  readonly unknownFields: Certainty
  /** Fields the platform is known to ignore, with the reason shown to the user. */
  readonly ignoredFields: Readonly<Record<string, string>>
  readonly interpolation: Interpolation
  /** Where the facts above come from. */
  readonly reference: string
}
