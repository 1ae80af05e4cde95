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
