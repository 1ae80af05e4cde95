import { stat } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import {
  BASELINE_PATH,
  buildBaseline,
  formatBaseline,
  NEVER_BASELINED
} from '../baseline/baseline.js'
import { CONFIG_FILE_NAMES } from '../config/lint-config.js'
import { UsageError } from '../util/errors.js'
import { plural } from '../util/plural.js'
import {
  STARTER_CONFIG_PATH,
  WORKFLOW_PATH,
  starterConfigText,
  workflowText
} from '../init/templates.js'
import { lint, type LintOptions } from '../lint.js'
import { escapeLogLine } from '../reporters/escape/log-line.js'
import { writeRepoFile } from '../util/write-repo-file.js'
import { ExitCode, type CliIO } from './io.js'
import type { Values } from './options.js'

/**
 * `mcp-lint init`: the workflow and a starter mcp-lint.json, each only where none exists, and with
 * --baseline the findings of today, so that only new ones fail.
 */
export async function runInit(options: LintOptions, values: Values, io: CliIO): Promise<number> {
  const root = options.root
  if ((await stat(root).catch(() => undefined))?.isDirectory() !== true)
    throw new UsageError(`${root}: no such directory`)
  if (values.enumerate === true && values.baseline !== true)
    throw new UsageError('--enumerate is for init --baseline: it records the tools findings too')
  const say = (line: string) => {
    io.stdout(`${escapeLogLine(line)}\n`)
  }
  // GitHub reads workflows at the repository's top level only: a subdirectory is the Action's path.
  const top = (await gitTopLevel(root)) ?? resolve(root)
  const path = relative(top, resolve(root)).split(sep).join('/')
  const workflow =
    path === ''
      ? WORKFLOW_PATH
      : `${relative(resolve(root), top).split(sep).join('/')}/${WORKFLOW_PATH}`
  if (await exists(join(top, WORKFLOW_PATH))) say(`kept ${workflow}: it exists`)
  else {
    await writeRepoFile(
      top,
      WORKFLOW_PATH,
      workflowText({
        ...(path === '' ? {} : { path }),
        ...(values.source === undefined ? {} : { source: values.source }),
        ...(options.platforms === undefined ? {} : { platforms: options.platforms })
      })
    )
    say(`created ${workflow}: the check on pull requests, and a weekly drift check`)
  }
  const existing = await firstExisting(root, CONFIG_FILE_NAMES)
  if (existing !== undefined) say(`kept ${existing}: it exists`)
  else {
    await writeRepoFile(root, STARTER_CONFIG_PATH, starterConfigText())
    say(
      `created ${STARTER_CONFIG_PATH}: rules, ignores and limits go here (its $schema documents each key)`
    )
  }
  if (values.baseline === true) await writeBaseline(options, io, say)
  say('next: commit these files; "mcp-lint check" runs the same checks here')
  return ExitCode.ok
}

/** The nearest directory at or above `dir` with a `.git` (a directory, or a worktree's file). */
async function gitTopLevel(dir: string): Promise<string | undefined> {
  let current = resolve(dir)
  for (;;) {
    if (await exists(join(current, '.git'))) return current
    const parent = dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

async function writeBaseline(
  options: LintOptions,
  io: CliIO,
  say: (line: string) => void
): Promise<void> {
  const result = await lint({ ...options, baseline: false })
  if (options.enumerate === undefined)
    say(
      'note: the workflow also starts the servers; add --enumerate to record the findings about their tools too'
    )
  if (result.files.length === 0)
    io.stderr(
      `warning: no MCP config found in ${escapeLogLine(options.root)}: the baseline is empty\n`
    )
  const secrets = result.diagnostics.filter((d) => NEVER_BASELINED.has(d.ruleId))
  const accepted = result.diagnostics.filter((d) => !NEVER_BASELINED.has(d.ruleId))
  await writeRepoFile(options.root, BASELINE_PATH, formatBaseline(buildBaseline(accepted)))
  say(
    `wrote ${BASELINE_PATH}: ${plural(accepted.length, 'finding')} recorded as known; only new ones fail from now on`
  )
  if (secrets.length > 0)
    io.stderr(
      `${escapeLogLine(`warning: ${plural(secrets.length, 'leaked secret was', 'leaked secrets were')} not recorded (${secrets.map((d) => `${d.file}:${d.range.start.line}`).join(', ')}): rotate each one and replace it with a reference; "mcp-lint check --fix" writes the reference`)}\n`
    )
}

async function firstExisting(root: string, paths: readonly string[]): Promise<string | undefined> {
  for (const path of paths) if (await exists(join(root, path))) return path
  return undefined
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined
}
