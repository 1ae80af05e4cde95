// Static lint benchmark: repositories of 1, 10, 100, 1,000 and 10,000 servers, each server in the central
// source and in every platform file (written by `mcp-lint sync`), linted by the bundled CLI without
// enumeration. Printed next to the floor: node starting, node loading the bundle (--version), and
// node reading and JSON.parse-ing the same files, each run in turn with mcp-lint's. Two more runs
// take their turn too: the same check with every rule off (reading, modelling and reporting alone),
// and jsonc-parser's parseTree on the same files (what a position for every key and value costs with
// a well-kept parser). Medians with min and max over several runs. Last, lint() called again and
// again in one process (scripts/bench-in-process.ts): how much of a run is code still cold.
//   npm run bench:static -- --runs 5 [--sizes 1,1000]
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'

const runsArg = process.argv.indexOf('--runs')
const runs = runsArg === -1 ? 5 : Number(process.argv[runsArg + 1])
const sizesArg = process.argv.indexOf('--sizes')
const sizes =
  sizesArg === -1
    ? [1, 10, 100, 1000, 10000]
    : (process.argv[sizesArg + 1] ?? '').split(',').map(Number)
const cli = resolve('dist/cli/index.js')
const inProcess = resolve('scripts/bench-in-process.ts')
const scratch = mkdtempSync(join(tmpdir(), 'mcp-lint-bench-static-'))
// Peak memory from inside each child: process.resourceUsage() needs no external `time` binary.
const hook = join(scratch, 'rss.cjs')
writeFileSync(
  hook,
  "process.on('exit', () => process.stderr.write(`\\nMAXRSS=${process.resourceUsage().maxRSS}\\n`))\n"
)
const platformTargets = [
  'antigravity',
  'claude-code',
  'codex',
  'cursor',
  'gemini-cli',
  'kiro',
  'roo',
  'vscode',
  'windsurf',
  'zed'
]

/** An mcp-lint config turning every rule off, with the file limit large repositories need. */
function writeRulesOff(): string {
  const listed = JSON.parse(
    execFileSync(process.execPath, [cli, 'rules', '--format', 'json'], { encoding: 'utf8' })
  ) as { id: string }[]
  const path = join(scratch, 'rules-off.json')
  const rules = Object.fromEntries(listed.map((rule) => [rule.id, 'off']))
  writeFileSync(path, `${JSON.stringify({ maxFileBytes: 67108864, rules })}\n`)
  return path
}

/** A repository whose central source has `count` servers, synced into every platform file. */
function makeRepository(count: number): { root: string; files: string[]; bytes: number } {
  const root = join(scratch, `servers-${count}`)
  mkdirSync(join(root, '.agents/mcp'), { recursive: true })
  const servers = Object.fromEntries(
    Array.from({ length: count }, (_, index) => [
      `service-${index}-tools`,
      index % 5 === 4
        ? { type: 'http', url: `https://mcp-${index}.example.com/mcp` }
        : {
            command: 'npx',
            args: ['-y', `@example/service-${index}-mcp@1.${index % 10}.0`, '--verbose']
          }
    ])
  )
  writeFileSync(
    join(root, '.agents/mcp/mcp-servers.json'),
    `${JSON.stringify({ targets: platformTargets, mcpServers: servers }, null, 2)}\n`
  )
  // Large repositories need a larger file limit than the 1 MiB default.
  writeFileSync(join(root, 'mcp-lint.json'), '{ "maxFileBytes": 67108864 }\n')
  execFileSync(process.execPath, [cli, 'sync', root], { stdio: 'ignore' })
  const files = listFiles(root).filter((path) => !path.endsWith('mcp-lint.json'))
  return { root, files, bytes: files.reduce((total, path) => total + statSync(path).size, 0) }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]
  )
}

/** Wall time and peak RSS of one node process. */
function measure(args: string[]): { ms: number; rssKb: number } {
  const started = performance.now()
  const run = spawnSync(process.execPath, ['--require', hook, ...args], { encoding: 'utf8' })
  const ms = performance.now() - started
  if (run.status !== 0 && run.status !== 1)
    throw new Error(
      `node ${args.join(' ')} exited ${String(run.status)}: ${run.stderr.slice(0, 300)}`
    )
  const rss = /MAXRSS=(\d+)/.exec(run.stderr)?.[1]
  return { ms, rssKb: Number(rss ?? 0) }
}

/**
 * Each command `runs` times, the commands taking turns (a, b, a, b, …) so that a slow spell of the
 * machine falls on all of them alike.
 */
function interleave(commands: string[][]): { ms: Stats; rssKb: Stats }[] {
  for (const args of commands) measure(args) // warm the file cache
  const samples = commands.map(() => [] as { ms: number; rssKb: number }[])
  for (let run = 0; run < runs; run++)
    commands.forEach((args, index) => samples[index]?.push(measure(args)))
  return samples.map((taken) => ({
    ms: stats(taken.map((s) => s.ms)),
    rssKb: stats(taken.map((s) => s.rssKb))
  }))
}

/** How many times bench-in-process.ts calls lint(); the first three are not counted as warm. */
const inProcessCalls = 8

/** lint() called in one process: the first call's time, and the median of calls 4 and later. */
function callsInOneProcess(root: string): { first: number; warm: number } {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', inProcess, root, String(inProcessCalls)],
    { encoding: 'utf8', maxBuffer: 1 << 24 }
  )
  const { calls } = JSON.parse(output) as { calls: number[] }
  return { first: calls[0] ?? 0, warm: stats(calls.slice(3)).median }
}

interface Stats {
  median: number
  min: number
  max: number
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0
  }
}

const ratio = (run: { ms: Stats }, floor: { ms: Stats }) =>
  `${(run.ms.median / floor.ms.median).toFixed(1)}x`
const ms = (s: Stats) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`
const mb = (s: Stats) => `${(s.median / 1024).toFixed(0)} MB`

try {
  console.log(
    `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ${runs} runs each, medians (min–max)\n`
  )
  const rulesOff = writeRulesOff()
  const jsoncParser = createRequire(import.meta.url).resolve('jsonc-parser')
  const [nodeFloor, bundleFloor] = interleave([
    ['-e', '0'],
    [cli, '--version']
  ])
  if (nodeFloor === undefined || bundleFloor === undefined) throw new Error('no measurement')
  console.log(`node starting: ${ms(nodeFloor.ms)}, ${mb(nodeFloor.rssKb)}`)
  console.log(
    `node loading the bundle (--version): ${ms(bundleFloor.ms)}, ${mb(bundleFloor.rssKb)}\n`
  )
  console.log(
    '| servers | files | entries | bytes | mcp-lint check | peak memory | every rule off | JSON.parse floor | floor memory | jsonc-parser tree | ratio | each added entry |'
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  const marginal: number[] = []
  const roots: [number, string][] = []
  let previous: { entries: number; ms: number } | undefined
  for (const count of sizes) {
    const { root, files, bytes } = makeRepository(count)
    roots.push([count, root])
    const jsonFiles = files.filter((path) => path.endsWith('.json'))
    const [lint, off, parse, tree] = interleave([
      [cli, 'check', root, '--fail-on', 'never'],
      [cli, 'check', root, '--fail-on', 'never', '--config', rulesOff],
      [
        '-e',
        `const fs = require('fs'); for (const f of ${JSON.stringify(jsonFiles)}) JSON.parse(fs.readFileSync(f, 'utf8'))`
      ],
      [
        '-e',
        `const fs = require('fs'); const { parseTree } = require(${JSON.stringify(jsoncParser)}); for (const f of ${JSON.stringify(jsonFiles)}) parseTree(fs.readFileSync(f, 'utf8'))`
      ]
    ])
    if (lint === undefined || off === undefined || parse === undefined || tree === undefined)
      throw new Error('no measurement')
    const entries = count * files.length
    // The cost of each entry added since the previous size: constant when the cost is linear.
    const cost =
      previous === undefined
        ? undefined
        : (lint.ms.median - previous.ms) / (entries - previous.entries)
    if (cost !== undefined) marginal.push(cost)
    previous = { entries, ms: lint.ms.median }
    console.log(
      `| ${count} | ${files.length} | ${entries} | ${(bytes / 1024).toFixed(0)} KiB | ${ms(lint.ms)} | ${mb(lint.rssKb)} | ${ms(off.ms)}, ${ratio(off, parse)} | ${ms(parse.ms)} | ${mb(parse.rssKb)} | ${ms(tree.ms)}, ${ratio(tree, parse)} | ${ratio(lint, parse)} | ${cost === undefined ? '-' : `${(cost * 1000).toFixed(0)} µs`} |`
    )
  }
  console.log(
    `\n(the JSON.parse floor reads the ${platformTargets.length} JSON files of each size, not the Codex TOML file)`
  )
  const [, fromTen, fromHundred, fromThousand] = marginal
  const growth = (later: number | undefined, earlier: number | undefined) =>
    later === undefined || earlier === undefined ? '-' : (later / earlier).toFixed(2)
  console.log(
    `cost of an added entry, 100 to 1,000 servers against 10 to 100: ${growth(fromHundred, fromTen)}; 1,000 to 10,000 against 100 to 1,000: ${growth(fromThousand, fromHundred)} (1.00 is linear, above 1 superlinear)`
  )
  console.log(
    `\nlint() in one process, from the source through tsx: its first call, then warm (the median of calls 4 to ${inProcessCalls})\n`
  )
  console.log('| servers | first call | warm | first / warm |')
  console.log('| --- | --- | --- | --- |')
  for (const [count, root] of roots) {
    const { first, warm } = callsInOneProcess(root)
    console.log(
      `| ${count} | ${first.toFixed(0)} ms | ${warm.toFixed(0)} ms | ${(first / warm).toFixed(1)}x |`
    )
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
