/**
 * Runs Claude Code (clients/node_modules/.bin/claude, a native binary) offline on one case:
 *
 * - trust: `~/.claude/settings.json` `{"enableAllProjectMcpServers": true}` approves every
 *   `.mcp.json` server, `~/.claude.json` marks the repository's trust dialog accepted;
 * - `claude mcp list` in the repository lists the project servers it loaded (and health-checks
 *   them, which starts the stdio ones) and prints its "MCP config diagnostics";
 * - for `tools` cases, `claude -p hi` against a fake Messages API (claude-code-api.ts) with tool
 *   search off (`ENABLE_TOOL_SEARCH=false`), so every MCP tool definition is in the request's
 *   `tools`: the `mcp__…` names there are what the model gets.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parse as parseJsonc } from 'jsonc-parser'
import { runIsolated, type Finished } from '../harness/run-isolated.js'
import type { CaseRun, ClientVerdict, Driver } from '../harness/types.js'
import { startFakeAnthropicApi } from './claude-code-api.js'

const CLAUDE = resolve('clients/node_modules/.bin/claude')
const TIMEOUT_MS = 30_000

/**
 * Variables a case may reference: set for the client, so `${MCP_LINT_SET}` expands, while
 * `${MCP_LINT_UNSET}` never is.
 */
export const CASE_ENV: Readonly<Record<string, string>> = {
  MCP_LINT_SET: 'from-env',
  MCP_LINT_EMPTY: ''
}

/** The minimal environment the client runs with: never this machine's own variables. */
function environment(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: home,
    USER: 'mcp-lint',
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    NO_COLOR: '1',
    TMPDIR: join(home, 'tmp'),
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
    ...CASE_ENV,
    ...extra
  }
}

/** Runs the client in its own process group (harness/run-isolated.ts); a timeout is a failure. */
async function run(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>>
): Promise<Finished> {
  const result = await runIsolated(CLAUDE, args, { cwd, env, timeoutMs: TIMEOUT_MS })
  if (result.timedOut)
    throw new Error(`claude ${args.join(' ')} timed out after ${String(TIMEOUT_MS)} ms`)
  return result
}

/** Makes the client trust the repository and approve its `.mcp.json` servers. */
function trust(home: string, repo: string): void {
  mkdirSync(join(home, '.claude'), { recursive: true })
  mkdirSync(join(home, 'tmp'), { recursive: true })
  writeFileSync(
    join(home, '.claude', 'settings.json'),
    JSON.stringify({ enableAllProjectMcpServers: true })
  )
  writeFileSync(
    join(home, '.claude.json'),
    JSON.stringify({
      hasCompletedOnboarding: true,
      projects: { [repo]: { hasTrustDialogAccepted: true } }
    })
  )
}

/** Every server key of every JSON file in the case, to read `mcp list` lines by. */
function candidateNames(caseRun: CaseRun): string[] {
  const names = new Set<string>()
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (entry.name.endsWith('.json')) {
        const value: unknown = parseJsonc(readFileSync(path, 'utf8'))
        if (value === null || typeof value !== 'object') continue
        const servers = (value as { mcpServers?: unknown }).mcpServers
        if (servers !== null && typeof servers === 'object')
          for (const key of Object.keys(servers)) names.add(key)
      }
    }
  }
  visit(caseRun.repo)
  // Longest first, so "a: b" wins over "a".
  return [...names].sort((a, b) => b.length - a.length)
}

const STATUS = / - [^\sA-Za-z0-9]+ /

/** The servers `claude mcp list` printed, by config key. */
function listedServers(stdout: string, candidates: readonly string[]): string[] {
  const listed = new Set<string>()
  const [servers = ''] = stdout.split('MCP config diagnostics')
  for (const line of servers.split('\n')) {
    if (!STATUS.test(line) || !line.includes(': ')) continue
    const name = candidates.find((key) => line.startsWith(`${key}: `)) ?? line.split(': ')[0]
    if (name !== undefined) listed.add(name)
  }
  return [...listed].sort()
}

/** The `[Error]`/`[Warning]` lines of the diagnostics, temp paths replaced. */
function diagnostics(output: string, caseRun: CaseRun, repo: string): string[] {
  const clean = (text: string) =>
    text
      .replaceAll(caseRun.log, '<log>')
      .replaceAll(repo, '<repo>')
      .replaceAll(caseRun.repo, '<repo>')
      .replaceAll(caseRun.home, '<home>')
      .replaceAll(caseRun.server, '<server>')
  return output
    .split('\n')
    .map((line) => /\[(Error|Warning)\] (.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => clean(`${match[1] ?? ''}: ${(match[2] ?? '').trim()}`))
}

async function toolNames(caseRun: CaseRun, repo: string): Promise<string[]> {
  const api = await startFakeAnthropicApi()
  try {
    const result = await run(
      ['-p', 'hi', '--max-turns', '1'],
      repo,
      environment(caseRun.home, {
        ANTHROPIC_BASE_URL: api.url,
        ANTHROPIC_API_KEY: 'dummy',
        ENABLE_TOOL_SEARCH: 'false'
      })
    )
    const requests = api.requests()
    const first = requests.find((request) => Array.isArray(request.tools)) ?? requests[0]
    if (first === undefined)
      throw new Error(`no model request (exit ${String(result.code)}): ${result.stderr.trim()}`)
    const names = (first.tools ?? [])
      .map((tool) => tool.name ?? '')
      .filter((name) => name.startsWith('mcp__'))
    return [...new Set(names)].sort()
  } finally {
    await api.close()
  }
}

export const driver: Driver = {
  client: 'claude-code',
  version: async () => {
    const home = mkdtempSync(join(tmpdir(), 'mcp-lint-claude-'))
    try {
      const result = await run(['--version'], home, environment(home))
      return result.stdout.trim().split(/\s+/)[0] ?? ''
    } finally {
      rmSync(home, { recursive: true, force: true })
    }
  },
  observe: async (caseRun) => {
    const repo = realpathSync(caseRun.repo)
    trust(caseRun.home, repo)
    const listed = await run(['mcp', 'list'], repo, environment(caseRun.home))
    if (listed.code !== 0)
      throw new Error(`claude mcp list exited ${String(listed.code)}: ${listed.stderr.trim()}`)
    const loaded = listedServers(listed.stdout, candidateNames(caseRun))
    const errors = diagnostics(`${listed.stdout}\n${listed.stderr}`, caseRun, repo)
    const verdict: ClientVerdict = {
      loaded,
      started: [],
      errors,
      ...(caseRun.case.tools === true && { toolNames: await toolNames(caseRun, repo) })
    }
    return { ...verdict, started: caseRun.started() }
  }
}
