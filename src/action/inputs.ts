import { parseHeaderBindings, type HeaderBinding } from '../config/remote-headers.js'
import { UsageError } from '../util/errors.js'
import type { SandboxMode } from '../lint.js'
import { parsePlatformList } from '../platforms/index.js'
import type { PlatformId } from '../platforms/platform.js'

/** Every input action.yml declares; readInputs reads exactly these (a test holds both to it). */
export const INPUT_NAMES = [
  'allow-private-hosts',
  'annotations',
  'comment',
  'concurrency',
  'config',
  'drift-issue',
  'enumerate',
  'error-on-empty',
  'fail-on',
  'github-token',
  'install-bubblewrap',
  'json-file',
  'lockfile',
  'mode',
  'path',
  'platforms',
  'remote',
  'remote-headers',
  'sandbox',
  'sarif-file',
  'source',
  'suggestions',
  'timeout'
] as const

export type Mode = 'check' | 'drift' | 'report'
export type FailOn = 'error' | 'warning' | 'notice' | 'never'
export type CommentSetting = 'true' | 'false' | 'on-failure'

/** Every input of action.yml, validated: a bad value is a clear error, never a silent default. */
export interface ActionInputs {
  readonly mode: Mode
  readonly path: string
  readonly source: string | undefined
  readonly config: string | undefined
  readonly platforms: readonly PlatformId[] | undefined
  readonly enumerate: boolean
  readonly sandbox: SandboxMode
  /** Remote servers are contacted only when the workflow says so. */
  readonly remote: boolean
  /** Bound in the workflow file, the only place a header's secret may be named. */
  readonly remoteHeaders: readonly HeaderBinding[]
  readonly allowPrivateHosts: boolean
  /** Install bubblewrap with apt-get when the runner lacks it. */
  readonly installBubblewrap: boolean
  readonly timeoutSeconds: number | undefined
  readonly concurrency: number | undefined
  readonly failOn: FailOn
  readonly comment: CommentSetting
  readonly annotations: boolean
  readonly sarifFile: string | undefined
  readonly jsonFile: string | undefined
  readonly lockfile: string | undefined
  readonly driftIssue: boolean
  /** Fail when the path holds no MCP config (it is a warning otherwise). */
  readonly errorOnEmpty: boolean
  /** Post GitHub suggestion blocks for one-line fixes on lines the pull request changed. */
  readonly suggestions: boolean
  readonly token: string
}

export function readInputs(get: (name: string) => string): ActionInputs {
  const text = (name: string) => {
    const value = get(name).trim()
    return value === '' ? undefined : value
  }
  const mode = oneOf('mode', text('mode') ?? 'check', ['check', 'drift', 'report'] as const)
  const platformsText = text('platforms')
  const remote = boolean('remote', text('remote') ?? 'false')
  const remoteHeaders = parseHeaderBindings(
    get('remote-headers').split('\n'),
    'input remote-headers'
  )
  if (remoteHeaders.length > 0 && !remote)
    throw new UsageError(
      'input remote-headers needs remote: true (remote servers are not contacted otherwise)'
    )
  return {
    mode,
    path: text('path') ?? '.',
    source: text('source'),
    config: text('config'),
    platforms:
      platformsText === undefined ? undefined : parsePlatformList(platformsText, 'input platforms'),
    // Drift mode exists to re-enumerate; it does so whatever `enumerate` says.
    enumerate: mode === 'drift' || boolean('enumerate', text('enumerate') ?? 'true'),
    sandbox: oneOf('sandbox', text('sandbox') ?? 'auto', ['auto', 'bwrap', 'none'] as const),
    remote,
    remoteHeaders,
    allowPrivateHosts: boolean('allow-private-hosts', text('allow-private-hosts') ?? 'false'),
    installBubblewrap: boolean('install-bubblewrap', text('install-bubblewrap') ?? 'true'),
    timeoutSeconds: positive('timeout', text('timeout'), false),
    concurrency: positive('concurrency', text('concurrency'), true),
    failOn: oneOf('fail-on', text('fail-on') ?? 'error', [
      'error',
      'warning',
      'notice',
      'never'
    ] as const),
    comment: oneOf('comment', text('comment') ?? 'on-failure', [
      'true',
      'false',
      'on-failure'
    ] as const),
    annotations: boolean('annotations', text('annotations') ?? 'true'),
    sarifFile: text('sarif-file'),
    jsonFile: text('json-file'),
    lockfile: text('lockfile'),
    driftIssue: boolean('drift-issue', text('drift-issue') ?? 'false'),
    errorOnEmpty: boolean('error-on-empty', text('error-on-empty') ?? 'false'),
    suggestions: boolean('suggestions', text('suggestions') ?? 'false'),
    token: get('github-token').trim()
  }
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value)
  if (found === undefined)
    throw new UsageError(
      `input ${name} must be one of ${allowed.join(', ')}, not "${value.slice(0, 40)}"`
    )
  return found
}

function boolean(name: string, value: string): boolean {
  return oneOf(name, value.toLowerCase(), ['true', 'false'] as const) === 'true'
}

function positive(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number)))
    throw new UsageError(
      `input ${name} must be a positive ${integer ? 'integer' : 'number'}, not "${value.slice(0, 40)}"`
    )
  return number
}
