import type { Severity } from '../model/diagnostic.js'
import type { Annotation } from '../reporters/annotations.js'
import type { GitHubApi } from './github-api.js'

/** What the Action knows of its run, from the runner's environment and the event payload. */
export interface RunContext {
  readonly eventName: string
  readonly payload: Readonly<Record<string, unknown>>
  /** `owner/repo`. */
  readonly repository: string
  readonly workflow: string
  readonly sha: string
  readonly runUrl: string | undefined
  /** `https://github.com`, or the GitHub Enterprise server's address. */
  readonly serverUrl?: string
  /** The workspace directory paths are reported relative to. */
  readonly workspace: string
}

/** The parts of @actions/core and @actions/github the Action uses, so tests can hand a fake. */
export interface ActionIO {
  readonly getInput: (name: string) => string
  readonly setOutput: (name: (typeof OUTPUT_NAMES)[number], value: string | number) => void
  readonly annotate: (
    level: Severity,
    message: string,
    properties: Annotation['properties']
  ) => void
  readonly info: (message: string) => void
  readonly warning: (message: string) => void
  readonly setFailed: (message: string) => void
  /** A folded group of log lines (`::group::`); plain lines where there is none. */
  readonly group?: <T>(title: string, work: () => T) => T
  readonly writeSummary: (markdown: string) => Promise<void>
  readonly writeFile: (path: string, text: string) => Promise<void>
  readonly context: RunContext
  /** A REST client with the token, or undefined when there is none. */
  readonly api: (token: string) => GitHubApi | undefined
}

/** Every output action.yml declares, all set on every run (a test holds both to it). */
export const OUTPUT_NAMES = [
  'comment-url',
  'drift',
  'errors',
  'json-file',
  'notices',
  'sarif-file',
  'servers',
  'tools',
  'warnings'
] as const
