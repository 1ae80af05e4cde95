import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { lint, loadWorkspace } from '../../src/lint.js'
import { compareServers } from '../../src/canonical/compare.js'
import { projectPathMeaning } from '../../src/canonical/project-paths.js'
import { normalizeEntry } from '../../src/canonical/normalize.js'
import { initSource, sync } from '../../src/sync/run.js'
import { tempRepos, writeFileAt } from '../helpers/temp-repo.js'

const corpus = 'fixtures/corpus'
const tempRepo = tempRepos('each')

/** Every server of every readable client file, by file and name. */
async function servers(root: string) {
  const { workspace } = await loadWorkspace({ root })
  return workspace.files
    .filter((file) => file.root?.kind === 'object')
    .flatMap((file) => file.servers.map((entry) => ({ file, entry })))
}

const repos = readdirSync(corpus).filter(
  (repo) =>
    existsSync(join(corpus, repo)) &&
    !repo.includes('.') &&
    !existsSync(join(corpus, repo, '.agents/mcp/mcp-servers.json'))
)

/**
 * Done-means of the sync issue, on real repositories with two or more client files: `sync --init`
 * then `sync` leaves what every server of every file means as it was. The only changes allowed
 * are the ones init names: a literal secret becomes a reference, and a value the central source
 * cannot hold (a reference the client never expands) is written as the reference it was meant to be.
 */
describe('init then sync keeps the meaning of every real file', () => {
  let multiFile = 0
  it.each(repos)('%s', async (repo) => {
    const root = tempRepo({}, { copy: { '.': join(corpus, repo) } })
    const before = await servers(root)
    if (new Set(before.map(({ file }) => file.path)).size < 2) return
    multiFile++
    const init = await initSource({ root })
    writeFileAt(root, init.path, init.text)
    const result = await sync({ root })
    for (const change of result.changes) writeFileSync(join(root, change.path), change.after)
    const after = await servers(root)
    const changed: string[] = []
    for (const { file, entry } of before) {
      const name = entry.name.value
      const now = after.find(
        (other) => other.file.path === file.path && other.entry.name.value === name
      )
      if (now === undefined) {
        changed.push(`${file.path} ${name}: gone`)
        continue
      }
      const secrets = new Set(
        init.secrets.filter((secret) => secret.server === name).map((secret) => secret.field)
      )
      const differences = compareServers(
        normalizeEntry(file.platform, entry),
        normalizeEntry(file.platform, now.entry),
        projectPathMeaning(file.platform)
      ).filter(
        (difference) =>
          !secrets.has(difference.field) &&
          !(typeof difference.expected === 'string' && difference.expected.includes('$${'))
      )
      for (const difference of differences)
        changed.push(`${file.path} ${name}: ${difference.kind} ${difference.field}`)
    }
    expect(changed).toEqual([])
    // The source init wrote passes check.
    const { diagnostics } = await lint({ root })
    expect(
      diagnostics
        .filter((d) => d.file === init.path && d.severity === 'error')
        .map((d) => `${d.ruleId}: ${d.message}`)
    ).toEqual([])
    // And the files are then in sync.
    expect((await sync({ root })).changes.map((change) => change.path)).toEqual([])
  })

  // Runs after the others: 14 of the vendored repositories have servers in two or more client files.
  it('covered every repository with two or more client files', () => {
    expect(multiFile).toBe(14)
  })
})
