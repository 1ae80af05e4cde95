/**
 * Gemini CLI (`@google/gemini-cli`, pinned in clients/package.json) run offline on one case:
 * `gemini -m gemini-2.5-flash --debug --approval-mode yolo -p hi` in the case's repository, with
 * HOME and GEMINI_CLI_HOME set to the case's empty home, the repository trusted there
 * (~/.gemini/trustedFolders.json), API-key auth chosen in the user settings and the model API
 * pointed (GOOGLE_GEMINI_BASE_URL) at a fake on 127.0.0.1.
 *
 * - `-m` skips the model router's extra request, so the first request is the chat.
 * - `--approval-mode yolo`: headless runs leave out every tool that would ask for approval, MCP
 *   tools included unless `trust: true`; yolo shows the model what an interactive session does.
 * - `--debug` makes the MCP manager's log visible: a server that connected logs "Registering
 *   notification handlers for server '<name>'", one that failed "[MCP error] Error during
 *   discovery for MCP server '<name>': …". Servers the client skips (no command, url nor httpUrl;
 *   blocked by `mcp.allowed`/`mcp.excluded`) log nothing.
 */
import { spawn } from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { CaseRun, ClientVerdict, Driver } from '../harness/types.js'
import { mcpToolNames, startFakeGeminiApi } from './gemini-cli-api.js'

const GEMINI = resolve('clients/node_modules/@google/gemini-cli/bundle/gemini.js')
/** A session that sent nothing by then hangs (a server whose launch never settles). */
const TIMEOUT_MS = 15_000

/** Variables the interpolation cases may reference; anything else is unset. */
export const CASE_ENV: Readonly<Record<string, string>> = {
  MCP_LINT_LABEL: 'from-env',
  MCP_LINT_NODE: 'node',
  MCP_LINT_TOOLS: 'search,fetch'
}

interface Outcome {
  readonly code: number | null
  readonly timedOut: boolean
  readonly stdout: string
  readonly stderr: string
}

/** The environment the client gets: nothing of this machine's but PATH to node. */
function environment(home: string, extra: Record<string, string>): Record<string, string> {
  return {
    PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: home,
    GEMINI_CLI_HOME: home,
    // Keep the machine's system settings (/etc/gemini-cli) out of the case.
    GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(home, 'system-settings.json'),
    GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(home, 'system-defaults.json'),
    GEMINI_CLI_NO_RELAUNCH: 'true',
    NO_COLOR: '1',
    TERM: 'dumb',
    ...extra
  }
}

/**
 * Runs gemini.js with node, in its own process group, and kills the whole group afterwards. Its
 * output goes to files in `scratch`: through a pipe, what it logs before a hang would be lost.
 */
function runGemini(
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
  scratch: string
): Promise<Outcome> {
  const outPath = join(scratch, 'gemini.stdout')
  const errPath = join(scratch, 'gemini.stderr')
  const out = openSync(outPath, 'w')
  const err = openSync(errPath, 'w')
  return new Promise<Outcome>((done, fail) => {
    const child = spawn(process.execPath, [GEMINI, ...args], {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', out, err]
    })
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // The group is gone already.
      }
    }
    let timedOut = false
    let hardKill: NodeJS.Timeout | undefined
    // SIGTERM first: the client flushes the log it buffers only when it exits.
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGTERM')
      hardKill = setTimeout(killGroup, 3000)
    }, TIMEOUT_MS)
    const finish = () => {
      clearTimeout(timer)
      clearTimeout(hardKill)
      killGroup()
      closeSync(out)
      closeSync(err)
    }
    child.on('error', (error) => {
      finish()
      fail(error)
    })
    child.on('close', (code) => {
      finish()
      done({
        code,
        timedOut,
        stdout: readFileSync(outPath, 'utf8'),
        stderr: readFileSync(errPath, 'utf8')
      })
    })
  })
}

/** Makes the client trust the project and use an API key, as a user would have set it up. */
function prepareHome(run: CaseRun): void {
  const dir = join(run.home, '.gemini')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'trustedFolders.json'), JSON.stringify({ [run.repo]: 'TRUST_FOLDER' }))
  writeFileSync(
    join(dir, 'settings.json'),
    JSON.stringify({
      security: { auth: { selectedType: 'gemini-api-key' } },
      privacy: { usageStatisticsEnabled: false },
      general: { enableAutoUpdate: false, enableAutoUpdateNotification: false }
    })
  )
}

/** Temp paths out of a line, so the record is the same on every machine and run. */
function clean(run: CaseRun, line: string): string {
  return line
    .replaceAll(run.repo, '<repo>')
    .replaceAll(run.home, '<home>')
    .replaceAll(run.log, '<log>')
    .replaceAll(run.server, '<server>')
    .replace(/ (?:at position \d+|\(line \d+ column \d+\)).*$/, '')
    .trimEnd()
}

const CONNECTED = /^Registering notification handlers for server '(.*?)'\. Capabilities/
const FAILED =
  /^\[MCP error\] (?:Error during discovery for|Fatal error ensuring) MCP server '(.*?)'/
// A failure of the launch or the connection, not of the configuration: the client did load the
// server (a URL server nothing listens at, a command that does not exist).
const RUNTIME_FAILURE =
  /fetch failed|ECONNREFUSED|ENOENT|Connection closed|No prompts, tools, or resources found/

/** Lines of stderr that report a configuration problem, first line of each. */
function configErrors(lines: readonly string[]): string[] {
  const errors: string[] = []
  for (const [index, line] of lines.entries()) {
    // "[MCP error] <message> <the error object>": the message is enough.
    if (line.startsWith('[MCP error] '))
      errors.push(line.slice('[MCP error] '.length).replace(/ \w*Error(?: \[\w+\])?: .*$/, ''))
    else if (/^(?:Warning: )?Invalid configuration in /.test(line)) {
      // A schema warning: its first line names the file, the next ones the fields, up to "Please fix".
      const end = lines.indexOf('Please fix the configuration.', index)
      const details = lines
        .slice(index + 1, end === -1 ? index + 1 : end)
        .filter((next) => next.startsWith('Error in: ') || /^\s{4}\S/.test(next))
        .map((next) => next.trim())
      errors.push([line, ...details].join(' '))
    } else if (/^(?:Error in |Error: |FatalConfigError)/.test(line)) errors.push(line)
  }
  return errors
}

async function observe(run: CaseRun): Promise<ClientVerdict> {
  prepareHome(run)
  const api = await startFakeGeminiApi()
  let outcome: Outcome
  try {
    outcome = await runGemini(
      ['-m', 'gemini-2.5-flash', '--debug', '--approval-mode', 'yolo', '-p', 'hi'],
      run.repo,
      environment(run.home, {
        GEMINI_API_KEY: 'dummy',
        GOOGLE_GEMINI_BASE_URL: api.baseUrl,
        ...CASE_ENV
      }),
      dirname(run.home)
    )
  } finally {
    await api.close()
  }
  const lines = outcome.stderr.split('\n').map((line) => clean(run, line))
  if (process.env.MCP_LINT_GEMINI_DUMP !== undefined) process.stderr.write(outcome.stderr)
  const loaded = new Set<string>()
  for (const line of lines) {
    const connected = CONNECTED.exec(line)
    if (connected?.[1] !== undefined) loaded.add(connected[1])
    const failed = FAILED.exec(line)
    if (failed?.[1] !== undefined && RUNTIME_FAILURE.test(line)) loaded.add(failed[1])
  }
  const errors = configErrors(lines)
  if (outcome.timedOut)
    errors.push(`no answer within ${String(TIMEOUT_MS / 1000)} s: the session hung and was killed`)
  else if (outcome.code !== 0 && errors.length === 0)
    errors.push(`exit ${String(outcome.code)}: ${lines.filter((line) => line !== '').at(-1) ?? ''}`)
  return {
    loaded: [...loaded].sort(),
    started: run.started(),
    ...(run.case.tools === true ? { toolNames: mcpToolNames(api.requests) } : {}),
    errors
  }
}

async function version(): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'mcp-lint-gemini-'))
  try {
    const outcome = await runGemini(['--version'], home, environment(home, {}), home)
    return outcome.stdout.trim()
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}

export const driver: Driver = { client: 'gemini-cli', version, observe }
