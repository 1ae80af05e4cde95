import * as core from '@actions/core'
import { relative, resolve, sep } from 'node:path'
import { severityRank } from '../core/diagnostic.js'
import { UsageError } from '../core/errors.js'
import { lint, type EnumerateRequest } from '../lint.js'
import { LOCKFILE_PATH } from '../lockfile/lockfile.js'
import { readBaseLockfile } from './base-lockfile.js'
import { annotationsWithinBudget } from '../reporters/annotations.js'
import { summaryLine } from '../reporters/text.js'

/** The parts of @actions/core the Action uses, passed in so tests can hand a fake. */
export interface ActionIO {
  readonly getInput: (name: string) => string
  readonly setOutput: (name: string, value: string | number) => void
  readonly annotate: (
    level: 'error' | 'warning' | 'notice',
    message: string,
    properties: core.AnnotationProperties
  ) => void
  readonly info: (message: string) => void
  readonly warning: (message: string) => void
  readonly setFailed: (message: string) => void
  /**
   * The lockfile at a pull request's base commit: its text, null when the base has none, undefined
   * outside pull requests.
   */
  readonly baseLockfile: (path: string) => Promise<string | null | undefined>
}

export function githubActionIO(): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => {
      core.setOutput(name, value)
    },
    annotate: (level, message, properties) => {
      core[level](message, properties)
    },
    info: (message) => {
      core.info(message)
    },
    warning: (message) => {
      core.warning(message)
    },
    baseLockfile: (path) => readBaseLockfile(core.getInput('github-token'), path),
    setFailed: (message) => {
      core.setFailed(message)
    }
  }
}

const failLevels = ['error', 'warning', 'notice', 'never'] as const

export async function run(io: ActionIO = githubActionIO()): Promise<void> {
  try {
    const failOn = failLevels.find((level) => level === (io.getInput('fail-on') || 'error'))
    if (failOn === undefined)
      throw new UsageError(`input fail-on must be one of ${failLevels.join(', ')}`)
    const config = io.getInput('config')
    const root = io.getInput('path') || '.'
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
    const prefix = relative(workspace, resolve(root)).split(sep).join('/')
    const enumerate = io.getInput('enumerate') !== 'false'
    const base = enumerate ? await baseline(io, prefix) : undefined
    const result = await lint({
      root,
      ...(config === '' ? {} : { configFile: config }),
      ...(io.getInput('lockfile') === '' ? {} : { lockfile: io.getInput('lockfile') }),
      ...(base === undefined ? {} : { baselineLockfile: base }),
      ...(enumerate ? { enumerate: enumerateRequest(io) } : {})
    })

    if (io.getInput('annotations') !== 'false') {
      // Annotations name files relative to the workspace, which `path` may be a subdirectory of.
      const { annotations, omitted } = annotationsWithinBudget(result.diagnostics, prefix)
      for (const annotation of annotations)
        io.annotate(annotation.level, annotation.message, annotation.properties)
      if (omitted > 0)
        io.info(
          `${omitted} findings were not annotated (GitHub shows at most 10 per level per step)`
        )
    }
    io.info(summaryLine(result))
    io.setOutput('errors', result.summary.errors)
    io.setOutput('warnings', result.summary.warnings)
    io.setOutput('notices', result.summary.notices)
    io.setOutput('servers', result.servers.length)

    if (failOn !== 'never') {
      const threshold = severityRank[failOn]
      const failing = result.diagnostics.filter((d) => severityRank[d.severity] >= threshold).length
      if (failing > 0) io.setFailed(`mcp-lint found ${failing} finding(s) at or above "${failOn}"`)
    }
  } catch (error) {
    const prefix = error instanceof UsageError ? '' : 'internal error: '
    io.setFailed(`mcp-lint ${prefix}${error instanceof Error ? error.message : String(error)}`)
  }
}

const sandboxModes = ['auto', 'bwrap', 'none'] as const

function enumerateRequest(io: ActionIO): EnumerateRequest {
  const positive = (name: string, text: string, integer: boolean): number | undefined => {
    if (text === '') return undefined
    const value = Number(text)
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      throw new UsageError(
        `input ${name} must be a positive ${integer ? 'integer' : 'number'}, not "${text}"`
      )
    }
    return value
  }
  const sandboxInput = io.getInput('sandbox') || 'auto'
  const sandbox = sandboxModes.find((mode) => mode === sandboxInput)
  if (sandbox === undefined)
    throw new UsageError(`input sandbox must be one of ${sandboxModes.join(', ')}`)
  const timeoutSeconds = positive('timeout', io.getInput('timeout'), false)
  const concurrency = positive('concurrency', io.getInput('concurrency'), true)
  return {
    sandbox,
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...(concurrency === undefined ? {} : { concurrency }),
    onProgress: (line) => {
      io.info(`mcp-lint: ${line}`)
    }
  }
}

/** In a pull request, the base branch's lockfile; the PR's own copy must not approve its changes. */
async function baseline(
  io: ActionIO,
  prefix: string
): Promise<{ label: string; text: string } | null | undefined> {
  if (io.getInput('lockfile') !== '') return undefined
  const path =
    prefix === '' || prefix.startsWith('..') ? LOCKFILE_PATH : `${prefix}/${LOCKFILE_PATH}`
  try {
    const text = await io.baseLockfile(path)
    return text === undefined
      ? undefined
      : text === null
        ? null
        : { label: `${path} (base branch)`, text }
  } catch (error) {
    io.warning(
      `could not read ${path} from the base branch (${error instanceof Error ? error.message : String(error)}); comparing with this branch's copy`
    )
    return undefined
  }
}
