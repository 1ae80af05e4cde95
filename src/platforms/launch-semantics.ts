import type { Certainty } from './certainty.js'

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
