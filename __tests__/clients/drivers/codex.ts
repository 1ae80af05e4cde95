import { realpathSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { CaseRun, ClientVerdict, Driver } from '../harness/types.js'
import { runIsolated } from '../harness/run-isolated.js'
import { mcpToolNames, startFakeResponsesApi } from './codex-support.js'

/**
 * Codex (`@openai/codex`, pinned in clients/package.json), offline. Per case:
 *
 * 1. CODEX_HOME (= HOME = run.home) gets a config.toml that trusts the case's repository (Codex
 *    reads a project's `.codex/config.toml` only when `[projects."<path>"] trust_level =
 *    "trusted"`) and points the model at a fake Responses API on 127.0.0.1 through a custom
 *    provider.
 * 2. `codex mcp list --json` says which servers the configuration defines (it starts none), or
 *    fails when Codex rejects the configuration.
 * 3. `codex exec "hi"` runs one turn: Codex starts the servers, sends one request to the fake API
 *    (the MCP tools the model sees), and logs (RUST_LOG=warn) every server it refused to start.
 *
 * `loaded` is what `mcp list` printed minus the servers the session refused for their config (a
 * bad name, a remote env_vars source) and those it lists as disabled (`enabled = false`); one whose
 * environment_id is not "local" (Codex 0.171.0 leaves it out of the session silently) counts as
 * loaded and not started.
 * Everything runs offline: the only network use is the fake API on 127.0.0.1.
 */
const CODEX = resolve('clients/node_modules/.bin/codex')
const TIMEOUT_MS = 30_000
const API_KEY_ENV = 'MCP_LINT_FAKE_API_KEY'

/** Startup failures that are Codex refusing the entry, not a server that failed to run. */
const REFUSALS = [
  /^Invalid MCP server name/,
  /uses source `remote`, which requires remote MCP stdio/
]

export const driver: Driver = {
  client: 'codex',
  version: async () => {
    const { stdout } = await runIsolated(CODEX, ['--version'], {
      cwd: process.cwd(),
      env: { PATH: searchPath() },
      timeoutMs: TIMEOUT_MS
    })
    const version = /(\d+\.\d+\.\d+\S*)/.exec(stdout)?.[1]
    if (version === undefined) throw new Error(`codex --version printed ${JSON.stringify(stdout)}`)
    return version
  },
  observe
}

async function observe(run: CaseRun): Promise<ClientVerdict> {
  const api = await startFakeResponsesApi()
  try {
    const repo = realpathSync(run.repo)
    writeFileSync(join(run.home, 'config.toml'), homeConfig(repo, api.baseUrl))
    const env = {
      PATH: searchPath(),
      HOME: run.home,
      CODEX_HOME: run.home,
      [API_KEY_ENV]: 'fake-key',
      RUST_LOG: 'warn',
      NO_COLOR: '1',
      LANG: 'C.UTF-8'
    }
    const options = { cwd: repo, env, timeoutMs: TIMEOUT_MS }
    const list = await runIsolated(CODEX, ['mcp', 'list', '--json'], options)
    const exec = await runIsolated(
      CODEX,
      ['exec', '--skip-git-repo-check', '--color', 'never', 'hi'],
      options
    )
    if (list.timedOut || exec.timedOut) throw new Error('codex timed out')
    const clean = cleaner(run, repo)
    const errors = new Set<string>()
    let defined: string[] = []
    if (list.code === 0) defined = listedServers(list.stdout)
    else for (const error of fatalErrors(list.stderr)) errors.add(clean(error))
    // `codex exec` ends with "Caused by: background task failed" when a `required` server fails
    // before the turn is over and without it when the turn ends first: a race (the same case gave
    // both on one machine), not a verdict on the file; `started` records the server's failure.
    for (const error of fatalErrors(exec.stderr))
      if (error !== 'background task failed') errors.add(clean(error))
    for (const warning of ignoredSettings(`${list.stderr}\n${exec.stderr}`))
      errors.add(clean(warning))
    const refused = new Set<string>()
    // Only refusals: a server that fails to run (no such command, nothing listening) may report
    // before or after the turn ends, which would make the record flaky; `started` shows it.
    for (const failure of startupFailures(exec.stderr)) {
      if (!REFUSALS.some((pattern) => pattern.test(failure.error))) continue
      errors.add(clean(`MCP server "${failure.server}" refused: ${failure.error}`))
      refused.add(failure.server)
    }
    const loaded = defined.filter((name) => !refused.has(name)).sort()
    const verdict: ClientVerdict = {
      loaded,
      started: run.started(),
      errors: [...errors].sort()
    }
    if (run.case.tools !== true) return verdict
    return { ...verdict, toolNames: mcpToolNames(api.requests[0]) }
  } finally {
    await api.close()
  }
}

/** node and the system tools only: the recording server is started as `node`. */
function searchPath(): string {
  return [...new Set([dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'])].join(':')
}

function homeConfig(repo: string, baseUrl: string): string {
  return [
    'model = "gpt-5"',
    'model_provider = "fake"',
    'check_for_update_on_startup = false',
    '',
    '[model_providers.fake]',
    'name = "fake"',
    `base_url = ${JSON.stringify(baseUrl)}`,
    'wire_api = "responses"',
    `env_key = "${API_KEY_ENV}"`,
    'request_max_retries = 0',
    'stream_max_retries = 0',
    '',
    `[projects.${JSON.stringify(repo)}]`,
    'trust_level = "trusted"',
    ''
  ].join('\n')
}

/** Config keys of the servers `codex mcp list --json` printed as enabled. */
function listedServers(stdout: string): string[] {
  const parsed = JSON.parse(stdout) as unknown
  if (!Array.isArray(parsed)) throw new Error(`codex mcp list printed ${stdout.slice(0, 200)}`)
  return parsed
    .map((entry: unknown) =>
      typeof entry === 'object' &&
      entry !== null &&
      'name' in entry &&
      !('enabled' in entry && entry.enabled === false)
        ? String(entry.name)
        : ''
    )
    .filter((name) => name !== '')
}

/**
 * The error Codex exits with when it cannot load the configuration, on one line: its first line,
 * the `in \`mcp_servers.x\`` line naming the table, and for TOML syntax errors the parser's message.
 *
 *   Error: failed to load bootstrap configuration      (mcp list)
 *   Caused by:
 *       invalid transport
 *       in `mcp_servers.alpha`
 *
 *   Error loading config.toml: invalid transport        (exec)
 *   in `mcp_servers.alpha`
 */
function fatalErrors(stderr: string): string[] {
  const lines = stderr.split('\n')
  const start = lines.findIndex(
    (line) => line.startsWith('Error loading config.toml: ') || line.trim() === 'Caused by:'
  )
  if (start === -1) return []
  const first = lines[start] ?? ''
  const block = (
    first.trim() === 'Caused by:'
      ? lines.slice(start + 1)
      : [first.slice('Error loading config.toml: '.length), ...lines.slice(start + 1)]
  )
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const [head, ...rest] = block
  if (head === undefined) return []
  const parts = [head]
  const where = rest.find((line) => line.startsWith('in `'))
  if (where !== undefined) parts.push(where)
  const caret = rest.findIndex((line) => /^\|\s*\^/.test(line))
  const message = caret === -1 ? undefined : rest[caret + 1]
  if (message !== undefined && !message.startsWith('in `')) parts.push(`(${message})`)
  return [parts.join(' ')]
}

/** `project (<file>): \`mcp_servers.x.field\` is ignored.` lines under Codex's unknown-setting warning. */
function ignoredSettings(stderr: string): string[] {
  const found: string[] = []
  for (const match of stderr.matchAll(/^\s*\w+ \((.*)\): (`[^`]+` is ignored\.)$/gm))
    found.push(`ignored setting in ${match[1] ?? ''}: ${match[2] ?? ''}`)
  return found
}

/** `WARN codex_mcp::rmcp_client: MCP server startup failed server_name="x" error=…` */
function startupFailures(stderr: string): { server: string; error: string }[] {
  const failures: { server: string; error: string }[] = []
  for (const match of stderr.matchAll(
    /MCP server startup failed server_name=("(?:[^"\\]|\\.)*"|\S+) error=(.*)$/gm
  )) {
    const raw = match[1] ?? ''
    const server = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw
    failures.push({ server, error: (match[2] ?? '').trim() })
  }
  return failures
}

/** Replaces the case's temporary paths so the record is the same on every run and machine. */
function cleaner(run: CaseRun, repo: string): (text: string) => string {
  const pairs: [string, string][] = [
    [repo, '<repo>'],
    [run.repo, '<repo>'],
    [realpathSync(run.home), '<home>'],
    [run.home, '<home>'],
    [run.log, '<log>'],
    [run.server, '<server>'],
    [dirname(run.repo), '<tmp>']
  ]
  return (text) => {
    let result = text
    for (const [from, to] of pairs) result = result.split(from).join(to)
    return result.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>')
  }
}
