import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { predict, refuses } from './harness/predict.js'
import type { ClientId, VerdictRecord } from './harness/types.js'
import { casesOf, CLIENTS } from './registry.js'

/**
 * mcp-lint against what the real clients did with the same files (recorded by
 * `npm run test:clients`, __tests__/clients/record.ts): every server a client loads has no
 * configuration error, every server it refuses has one, and the tool names mcp-lint expects the
 * model to see are the names the client sent.
 */
function recordOf(client: ClientId): VerdictRecord | undefined {
  const path = `__tests__/clients/verdicts/${client}.json`
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as VerdictRecord) : undefined
}

describe.each(CLIENTS.map((client) => [client]))(
  '%s: mcp-lint agrees with the client',
  (client) => {
    const record = recordOf(client)
    const cases = casesOf(client)

    it('has a recorded verdict for every case, recorded from the same files', () => {
      const recorded = Object.fromEntries(
        Object.entries(record?.cases ?? {}).map(([id, entry]) => [id, entry.files])
      )
      const defined = Object.fromEntries(cases.map((testCase) => [testCase.id, testCase.files]))
      expect(recorded).toEqual(defined)
    })

    const entries = Object.entries(record?.cases ?? {})

    if (entries.length > 0)
      it.each(entries)('%s', async (_, entry) => {
        const prediction = await predict(client, entry.files)
        const errors = prediction.diagnostics
          .filter(refuses)
          .map(
            (diagnostic) =>
              `${diagnostic.file}:${String(diagnostic.range.start.line)} ${diagnostic.ruleId}: ${diagnostic.message}`
          )
        // The findings ride along so a disagreement shows what mcp-lint said.
        expect({
          loaded: prediction.loaded,
          toolNames: entry.tools ? prediction.toolNames : undefined,
          errors
        }).toEqual({
          loaded: entry.verdict.loaded,
          toolNames: entry.verdict.toolNames,
          errors: expect.any(Array) as unknown
        })
      })
  }
)
