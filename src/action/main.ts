import * as core from '@actions/core'
import { relative, resolve, sep } from 'node:path'
import { severityRank } from '../core/diagnostic.js'
import { UsageError } from '../core/errors.js'
import { lint } from '../lint.js'
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
  readonly setFailed: (message: string) => void
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
    const result = await lint({
      root,
      ...(config === '' ? {} : { configFile: config })
    })

    if (io.getInput('annotations') !== 'false') {
      // Annotations name files relative to the workspace, which `path` may be a subdirectory of.
      const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
      const prefix = relative(workspace, resolve(root)).split(sep).join('/')
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
