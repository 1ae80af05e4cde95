// Enumeration benchmark: the same real servers (npm devDependencies, warm npm cache) listed by
// mcp-lint concurrently, by mcp-lint one at a time, and by the official inspector CLI one after
// another. Prints medians with min and max over several runs, and the ratios.
//   npm run bench:enumeration -- --runs 5
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const runsArg = process.argv.indexOf('--runs')
const runs = runsArg === -1 ? 5 : Number(process.argv[runsArg + 1])
const servers: Record<string, string[]> = {
  everything: ['-y', '@modelcontextprotocol/server-everything@2026.8.31'],
  filesystem: ['-y', '@modelcontextprotocol/server-filesystem@2026.8.31', '.'],
  memory: ['-y', '@modelcontextprotocol/server-memory@2026.8.31'],
  github: ['-y', '@modelcontextprotocol/server-github@2025.4.8']
}
const cli = resolve('dist/cli/index.js')
const inspector = resolve(
  'node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js'
)
const repo = mkdtempSync(join(tmpdir(), 'mcp-lint-bench-repo-'))
const cache = mkdtempSync(join(tmpdir(), 'mcp-lint-bench-cache-'))
writeFileSync(
  join(repo, '.mcp.json'),
  JSON.stringify({
    mcpServers: Object.fromEntries(
      Object.entries(servers).map(([name, args]) => [name, { command: 'npx', args }])
    )
  })
)
const env = { ...process.env, MCP_LINT_CACHE_DIR: cache }

interface Report {
  servers: { name: string; status: string; durationMs?: number }[]
}
function lintOnce(concurrency: number): { ms: number; slowestMs: number } {
  const started = performance.now()
  const out = execFileSync(
    process.execPath,
    [
      cli,
      'check',
      repo,
      '--enumerate',
      '--concurrency',
      String(concurrency),
      '--format',
      'json',
      '--fail-on',
      'never'
    ],
    { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
  )
  const ms = performance.now() - started
  const report = JSON.parse(out) as Report
  const failed = report.servers.filter((server) => server.status !== 'ok')
  if (failed.length > 0)
    throw new Error(`servers failed: ${failed.map((server) => server.name).join(', ')}`)
  return { ms, slowestMs: Math.max(...report.servers.map((server) => server.durationMs ?? 0)) }
}
const perServer = new Map<string, number[]>()
function inspectorOnce(): number {
  const started = performance.now()
  for (const [name, args] of Object.entries(servers)) {
    const serverStarted = performance.now()
    // The same warm cache mcp-lint prefetched into: one directory per package spec.
    const spec = args.find((arg) => arg.startsWith('@')) ?? ''
    const npmCache = join(cache, createHash('sha256').update(spec).digest('hex').slice(0, 16))
    mkdirSync(npmCache, { recursive: true })
    const run = spawnSync(
      process.execPath,
      [inspector, '--cli', '--method', 'tools/list', 'npx', ...args],
      {
        cwd: repo,
        env: { ...process.env, npm_config_cache: npmCache },
        encoding: 'utf8',
        timeout: 120_000
      }
    )
    if (run.status !== 0)
      throw new Error(`inspector failed on ${spec}: ${run.stderr.slice(0, 200)}`)
    perServer.set(name, [...(perServer.get(name) ?? []), performance.now() - serverStarted])
  }
  return performance.now() - started
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 }
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

try {
  console.log(
    `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}`
  )
  console.log(`servers: ${Object.keys(servers).join(', ')} (npm, warm cache), ${runs} runs each\n`)
  lintOnce(4) // fills the cache: prefetch with network, once
  const concurrent: number[] = []
  const slowest: number[] = []
  const sequential: number[] = []
  const inspected: number[] = []
  for (let run = 0; run < runs; run++) {
    const measured = lintOnce(4)
    concurrent.push(measured.ms)
    slowest.push(measured.slowestMs)
    sequential.push(lintOnce(1).ms)
    inspected.push(inspectorOnce())
  }
  const rows: [string, number[]][] = [
    ['mcp-lint, 4 at a time (bwrap)', concurrent],
    ['mcp-lint, one at a time (bwrap)', sequential],
    ['inspector CLI, one after another (no sandbox)', inspected],
    ['slowest single server inside the concurrent run', slowest]
  ]
  console.log('| run | median | min | max |')
  console.log('| --- | --- | --- | --- |')
  for (const [label, values] of rows) {
    const s = stats(values)
    console.log(`| ${label} | ${seconds(s.median)} | ${seconds(s.min)} | ${seconds(s.max)} |`)
  }
  for (const [name, values] of perServer)
    console.log(
      `| inspector CLI, ${name} alone | ${seconds(stats(values).median)} | ${seconds(stats(values).min)} | ${seconds(stats(values).max)} |`
    )
  const median = (values: number[]) => stats(values).median
  console.log(`\nsequential / concurrent: ${(median(sequential) / median(concurrent)).toFixed(2)}x`)
  console.log(`inspector / concurrent: ${(median(inspected) / median(concurrent)).toFixed(2)}x`)
  console.log(
    `concurrent wall / slowest server: ${(median(concurrent) / median(slowest)).toFixed(2)}x (whole CLI run, node start and npm revalidation included)`
  )
  console.log(
    'the inspector declares the roots capability: server-everything then waits 60 s for a roots/list answer that never comes (feasibility.md §3)'
  )
} finally {
  rmSync(repo, { recursive: true, force: true })
  rmSync(cache, { recursive: true, force: true })
}
