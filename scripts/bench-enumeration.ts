// Enumeration benchmark: the same real npm servers listed by mcp-lint (in bubblewrap) and by the
// peer mcporter (no sandbox), both starting every server at once, from a cold npm cache (a new
// empty one) and from a warm one (filled by the cold run). mcporter is installed into a scratch
// prefix from npm at the start, so both run in the same process tree on the same machine.
// Medians with min and max over several runs.
//   npm run bench:enumeration -- --runs 5 [--mcporter path/to/mcporter]
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const MCPORTER_VERSION = '0.12.3'
const option = (name: string) => {
  const index = process.argv.indexOf(name)
  return index === -1 ? undefined : process.argv[index + 1]
}
const runs = Number(option('--runs') ?? 5)
const servers: Record<string, string[]> = {
  everything: ['-y', '@modelcontextprotocol/server-everything@2026.8.31'],
  filesystem: ['-y', '@modelcontextprotocol/server-filesystem@2026.8.31', '.'],
  memory: ['-y', '@modelcontextprotocol/server-memory@2026.8.31'],
  github: ['-y', '@modelcontextprotocol/server-github@2025.4.8']
}
const count = Object.keys(servers).length
const cli = resolve('dist/cli/index.js')
const scratch = mkdtempSync(join(tmpdir(), 'mcp-lint-bench-enumeration-'))
const repo = join(scratch, 'repo')
const mcpServers = Object.fromEntries(
  Object.entries(servers).map(([name, args]) => [name, { command: 'npx', args }])
)
mkdirSync(join(repo, 'config'), { recursive: true })
writeFileSync(join(repo, '.mcp.json'), JSON.stringify({ mcpServers }))
// mcporter's own config, with imports off so it reads no editor config of this machine's user.
writeFileSync(join(repo, 'config/mcporter.json'), JSON.stringify({ imports: [], mcpServers }))

/** mcporter from npm into the scratch directory, unless a binary is given. */
function installMcporter(): string {
  const given = option('--mcporter')
  if (given !== undefined) return resolve(given)
  const prefix = join(scratch, 'mcporter')
  execFileSync(
    'npm',
    ['install', '--prefix', prefix, '--no-audit', '--no-fund', `mcporter@${MCPORTER_VERSION}`],
    { stdio: 'ignore' }
  )
  return join(prefix, 'node_modules/.bin/mcporter')
}

interface Listed {
  name: string
  status: string
  tools?: unknown[]
}

/** A whole `mcp-lint check --enumerate` run, every server at once; its wall time. */
function lintOnce(cache: string): number {
  const started = performance.now()
  const out = execFileSync(
    process.execPath,
    [cli, 'check', repo, '--enumerate', '--concurrency', String(count), '--format', 'json'],
    {
      env: { ...process.env, MCP_LINT_CACHE_DIR: cache },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024
    }
  )
  const ms = performance.now() - started
  const report = JSON.parse(out) as { servers: Listed[] }
  check('mcp-lint', report.servers)
  return ms
}

/** A whole `mcporter list --json` run (it starts every configured server at once); its wall time. */
function mcporterOnce(mcporter: string, cache: string): number {
  const started = performance.now()
  const run = spawnSync(mcporter, ['list', '--json'], {
    cwd: repo,
    // A home of its own: no user config, no daemon, no OAuth vault of this machine's user.
    env: { ...process.env, HOME: join(scratch, 'home'), npm_config_cache: cache },
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024
  })
  const ms = performance.now() - started
  if (run.status !== 0) throw new Error(`mcporter failed: ${run.stderr.slice(0, 300)}`)
  check('mcporter', (JSON.parse(run.stdout) as { servers: Listed[] }).servers)
  return ms
}

function check(tool: string, listed: readonly Listed[]): void {
  const failed = listed.filter((server) => server.status !== 'ok')
  if (listed.length !== count || failed.length > 0)
    throw new Error(`${tool}: servers not listed: ${failed.map((s) => s.name).join(', ')}`)
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0
  }
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const fresh = (label: string) => mkdtempSync(join(scratch, `${label}-cache-`))

try {
  const mcporter = installMcporter()
  console.log(
    `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}; mcporter ${MCPORTER_VERSION}`
  )
  console.log(
    `servers: ${Object.keys(servers).join(', ')} (npm), all ${count} at once in both tools, ${runs} runs each\n`
  )
  const results: Record<string, number[]> = {
    'mcp-lint, cold cache': [],
    'mcporter, cold cache': [],
    'mcp-lint, warm cache': [],
    'mcporter, warm cache': []
  }
  for (let run = 0; run < runs; run++) {
    // Cold: an empty cache each; warm: the cache that cold run filled. The order alternates so
    // neither tool always runs first after the other's network traffic.
    const lintCache = fresh('mcp-lint')
    const peerCache = fresh('mcporter')
    const order = run % 2 === 0 ? ['lint', 'peer'] : ['peer', 'lint']
    for (const which of order) {
      if (which === 'lint') results['mcp-lint, cold cache']?.push(lintOnce(lintCache))
      else results['mcporter, cold cache']?.push(mcporterOnce(mcporter, peerCache))
    }
    for (const which of order) {
      if (which === 'lint') results['mcp-lint, warm cache']?.push(lintOnce(lintCache))
      else results['mcporter, warm cache']?.push(mcporterOnce(mcporter, peerCache))
    }
  }
  console.log('| run | median | min | max |')
  console.log('| --- | --- | --- | --- |')
  for (const [label, values] of Object.entries(results)) {
    const s = stats(values)
    console.log(`| ${label} | ${seconds(s.median)} | ${seconds(s.min)} | ${seconds(s.max)} |`)
  }
  const median = (label: string) => stats(results[label] ?? []).median
  console.log(
    `\nmcporter / mcp-lint: cold ${(median('mcporter, cold cache') / median('mcp-lint, cold cache')).toFixed(2)}x, warm ${(median('mcporter, warm cache') / median('mcp-lint, warm cache')).toFixed(2)}x (above 1: mcp-lint is faster)`
  )
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
