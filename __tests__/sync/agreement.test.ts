import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { lint } from '../../src/lint.js'
import { sync } from '../../src/sync/run.js'

/** Every repository in the fixtures with a central source of mcp-lint's own. */
const roots = ['fixtures/scenarios', 'fixtures/corpus']
  .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)))
  .filter((root) => existsSync(join(root, '.agents/mcp/mcp-servers.json')))

/** Rules whose findings sync also repairs when it writes a file. */
const repairedBySync = new Set([
  'source-drift',
  'config-env-syntax',
  'config-schema',
  'config-unknown-field'
])

describe('check and sync --check agree', () => {
  it('covers the repositories with a central source', () => {
    expect(roots.length).toBeGreaterThanOrEqual(15)
  })

  it.each(roots)('%s', async (root) => {
    const planned = await sync({ root }).catch(() => undefined)
    // A source sync refuses (a generator's, say) is refused by check's drift rule as well.
    if (planned === undefined) return
    const { diagnostics } = await lint({ root })
    const flagged = (rules: ReadonlySet<string>) =>
      new Set(diagnostics.filter((d) => rules.has(d.ruleId)).map((d) => d.file))
    const drifted = flagged(new Set(['source-drift']))
    const repaired = flagged(repairedBySync)
    const written = [
      ...planned.changes.map((change) => change.path),
      ...planned.skipped.filter((skipped) => skipped.unreadable).map((skipped) => skipped.path)
    ]
    // Every file check calls drifted, sync --check lists (a missing target is reported on the
    // source, and sync creates it); every file it lists has a finding sync repairs.
    expect(
      [...drifted].filter((file) => file.startsWith('.agents/') || written.includes(file)).sort()
    ).toEqual([...drifted].sort())
    expect(written.filter((file) => !repaired.has(file))).toEqual([])
  })
})
