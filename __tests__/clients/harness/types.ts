/** The clients the differential suite runs. */
export type ClientId = 'claude-code' | 'gemini-cli' | 'codex'

export type Topic =
  | 'syntax'
  | 'names'
  | 'fields'
  | 'types'
  | 'transports'
  | 'interpolation'
  | 'allow-lists'
  | 'discovery'
  | 'naming'

/**
 * One small repository and what to ask the client about it. In file text, `@SERVER@` is the path of
 * the recording server (fixtures/clients/server.mjs) and `@LOG@` the log it appends its label to;
 * `stdio()` and `tomlStdio()` in cases.ts write such a launch.
 */
export interface ClientCase {
  /** Unique per client, kebab-case; the key of its verdict in the record. */
  readonly id: string
  readonly topic: Topic
  /** What the case is about, one line. */
  readonly title: string
  /** Repository-relative path → content. */
  readonly files: Readonly<Record<string, string>>
  /** Ask for the tool names the model receives (one model request: slower). */
  readonly tools?: boolean
}

/** What the client did with a case: observed, never predicted. */
export interface ClientVerdict {
  /** Config keys of the servers the client loaded from the project, sorted. */
  readonly loaded: readonly string[]
  /** Labels the recording server logged: servers whose process the client started, sorted. */
  readonly started: readonly string[]
  /** MCP tool names in the client's request to the model, sorted; present when the case asks. */
  readonly toolNames?: readonly string[]
  /** First line of each error the client printed about the configuration, cleaned of temp paths. */
  readonly errors: readonly string[]
}

/** What a driver gets for one case: the materialised repository and an empty home. */
export interface CaseRun {
  readonly case: ClientCase
  /** The project directory holding the case's files. */
  readonly repo: string
  /** An empty directory for HOME (and CODEX_HOME, GEMINI_CLI_HOME…) that the driver may fill. */
  readonly home: string
  /** The recording server's log. */
  readonly log: string
  /** The copy of the recording server the case's files launch. */
  readonly server: string
  /** Labels logged so far, sorted and deduplicated. */
  readonly started: () => string[]
}

/** Runs one real client offline. */
export interface Driver {
  readonly client: ClientId
  /** The client's version as it reports it (`claude --version`…). */
  readonly version: () => Promise<string>
  readonly observe: (run: CaseRun) => Promise<ClientVerdict>
}

/** `__tests__/clients/verdicts/<client>.json`: what the real client did with every case. */
export interface VerdictRecord {
  readonly client: ClientId
  readonly version: string
  /** YYYY-MM-DD. */
  readonly recorded: string
  /** Why some cases could not be observed, by case id (none when every case ran). */
  readonly unobserved: Readonly<Record<string, string>>
  readonly cases: Readonly<
    Record<
      string,
      {
        readonly topic: Topic
        readonly title: string
        readonly files: Readonly<Record<string, string>>
        readonly tools: boolean
        readonly verdict: ClientVerdict
      }
    >
  >
}
