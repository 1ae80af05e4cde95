import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { BASELINE_PATH, buildBaseline, formatBaseline } from '../baseline/baseline.js'
import { CONFIG_FILE_NAMES } from '../config/lint-config.js'
import { UsageError } from '../core/errors.js'
import { plural } from '../core/plural.js'
import {
  STARTER_CONFIG_PATH,
  WORKFLOW_PATH,
  starterConfigText,
  workflowText
} from '../init/templates.js'
import { lint, type LintOptions } from '../lint.js'
import { escapeLogLine } from '../reporters/escape/log-line.js'
import { ExitCode, type CliIO } from './io.js'
import type { Values } from './options.js'

/** Leaked secrets are rotated and removed, never accepted: a baseline does not record them. */
const NEVER_BASELINED = new Set(['server-secret'])

/**
 * `mcp-lint init`: the workflow and a starter mcp-lint.json, each only where none exists, and with
 * --baseline the findings of today, so that only new ones fail.
 */
export async function runInit(options: LintOptions, values: Values, io: CliIO): Promise<number> {
  const root = options.root
  if ((await stat(root).catch(() => undefined))?.isDirectory() !== true)
    throw new UsageError(`${root}: no such directory`)
  const say = (line: string) => {
    io.stdout(`${escapeLogLine(line)}\n`)
  }
  if (await exists(join(root, WORKFLOW_PATH))) say(`kept ${WORKFLOW_PATH}: it exists`)
  else {
    await io.writeFile(
      join(root, WORKFLOW_PATH),
      workflowText(values.source === undefined ? {} : { source: values.source })
    )
    say(`created ${WORKFLOW_PATH}: the check on pull requests, and a weekly drift check`)
  }
  const existing = await firstExisting(root, CONFIG_FILE_NAMES)
  if (existing !== undefined) say(`kept ${existing}: it exists`)
  else {
    await io.writeFile(join(root, STARTER_CONFIG_PATH), starterConfigText())
    say(
      `created ${STARTER_CONFIG_PATH}: rules, ignores and limits go here (its $schema documents each key)`
    )
  }
  if (values.baseline === true) await writeBaseline(options, io, say)
  say('next: commit these files; "mcp-lint check" runs the same checks here')
  return ExitCode.ok
}

async function writeBaseline(
  options: LintOptions,
  io: CliIO,
  say: (line: string) => void
): Promise<void> {
  const result = await lint({ ...options, baseline: false })
  if (result.files.length === 0)
    io.stderr(
      `warning: no MCP config found in ${escapeLogLine(options.root)}: the baseline is empty\n`
    )
  const secrets = result.diagnostics.filter((d) => NEVER_BASELINED.has(d.ruleId))
  const accepted = result.diagnostics.filter((d) => !NEVER_BASELINED.has(d.ruleId))
  await io.writeFile(join(options.root, BASELINE_PATH), formatBaseline(buildBaseline(accepted)))
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
