/**
 * Runs the real clients on every differential case and records what they did
 * (__tests__/clients/verdicts/<client>.json). `npm run test:clients` runs it with --check: any
 * change from the record (a client release that behaves differently, a case edited without
 * re-recording) fails. Needs the clients installed: `npm ci --prefix clients`.
 *
 *   tsx __tests__/clients/record.ts [--check] [--client ID] [--case ID]
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { casesOf, driverOf, CLIENTS } from './registry.js'
import { materialize } from './harness/materialize.js'
import type { ClientId, ClientVerdict, VerdictRecord } from './harness/types.js'

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    client: { type: 'string', multiple: true },
    case: { type: 'string', multiple: true }
  }
})

export function recordPath(client: ClientId): string {
  return join('__tests__/clients/verdicts', `${client}.json`)
}

async function record(client: ClientId): Promise<string[]> {
  const driver = await driverOf(client)
  const version = await driver.version()
  const cases = casesOf(client).filter(
    (testCase) => values.case === undefined || values.case.includes(testCase.id)
  )
  const previous = existsSync(recordPath(client))
    ? (JSON.parse(readFileSync(recordPath(client), 'utf8')) as VerdictRecord)
    : undefined
  const observed: Record<string, VerdictRecord['cases'][string]> =
    values.case === undefined ? {} : { ...previous?.cases }
  const unobserved: Record<string, string> = {}
  let done = 0
  for (const testCase of cases) {
    const run = materialize(testCase)
    let verdict: ClientVerdict
    try {
      verdict = await driver.observe(run)
    } catch (error) {
      unobserved[testCase.id] = error instanceof Error ? error.message : String(error)
      continue
    } finally {
      rmSync(dirname(run.repo), { recursive: true, force: true })
    }
    observed[testCase.id] = {
      topic: testCase.topic,
      title: testCase.title,
      files: testCase.files,
      tools: testCase.tools === true,
      verdict
    }
    done += 1
    process.stderr.write(
      `\r${client} ${String(done)}/${String(cases.length)} ${testCase.id}\u001b[K`
    )
  }
  process.stderr.write('\n')
  const sortedCases = Object.fromEntries(
    Object.entries(observed).sort(([a], [b]) => (a < b ? -1 : 1))
  )
  const next: VerdictRecord = {
    client,
    version,
    recorded: new Date().toISOString().slice(0, 10),
    unobserved,
    cases: sortedCases
  }
  const problems: string[] = []
  if (values.check) {
    if (previous === undefined) problems.push(`${client}: no record at ${recordPath(client)}`)
    else problems.push(...differences(previous, next))
  } else {
    writeFileSync(recordPath(client), `${JSON.stringify(next, null, 2)}\n`)
    process.stderr.write(`${client} ${version}: ${String(done)} cases recorded\n`)
  }
  return problems
}

function differences(before: VerdictRecord, after: VerdictRecord): string[] {
  const problems: string[] = []
  if (before.version !== after.version)
    problems.push(`${after.client}: recorded with ${before.version}, now ${after.version}`)
  const ids = new Set([...Object.keys(before.cases), ...Object.keys(after.cases)])
  for (const id of [...ids].sort()) {
    const a = JSON.stringify(before.cases[id])
    const b = JSON.stringify(after.cases[id])
    if (a !== b) problems.push(`${after.client} ${id}:\n  recorded ${a}\n  observed ${b}`)
  }
  for (const [id, why] of Object.entries(after.unobserved))
    problems.push(`${after.client} ${id}: not observed: ${why}`)
  return problems
}

const clients = (values.client ?? CLIENTS) as ClientId[]
const problems: string[] = []
for (const client of clients) problems.push(...(await record(client)))
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`)
  process.exitCode = 1
}
