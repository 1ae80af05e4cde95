import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { lint } from '../src/lint.js'
import { formatText } from '../src/reporters/text.js'

/**
 * Golden tests (actionlint's .yaml/.out pairs): every repository under fixtures/platforms/<id>/
 * and fixtures/scenarios/ is linted and its text report compared with expected.txt next to it.
 * `ok-*` repositories must produce no findings, `ng-*` ones at least one.
 * UPDATE_GOLDEN=1 rewrites the expected files; review the diff like code.
 */
const update = process.env.UPDATE_GOLDEN === '1'

function repositories(): string[] {
  const platforms = readdirSync('fixtures/platforms').flatMap((platform) =>
    readdirSync(join('fixtures/platforms', platform)).map((name) =>
      join('fixtures/platforms', platform, name)
    )
  )
  const scenarios = existsSync('fixtures/scenarios')
    ? readdirSync('fixtures/scenarios').map((name) => join('fixtures/scenarios', name))
    : []
  return [...platforms, ...scenarios, 'fixtures/demo'].sort()
}

describe('fixture repositories', () => {
  it.each(repositories())('%s', async (root) => {
    const result = await lint({ root })
    const report = formatText(result)
    const expectedPath = join(root, 'expected.txt')
    if (update) writeFileSync(expectedPath, report)
    expect(report).toBe(readFileSync(expectedPath, 'utf8'))
    const name = root.split('/').at(-1) ?? ''
    const intent = name.startsWith('ok-') ? 'clean' : name.startsWith('ng-') ? 'findings' : 'any'
    const outcome = result.diagnostics.length === 0 ? 'clean' : 'findings'
    expect([intent, intent === 'any' ? 'any' : outcome]).toEqual([intent, intent])
    expect(result.files.length).toBeGreaterThan(0)
  })

  it('covers every platform with a valid and an invalid repository', () => {
    for (const platform of readdirSync('fixtures/platforms')) {
      const names = readdirSync(join('fixtures/platforms', platform))
      expect([
        platform,
        names.some((n) => n.startsWith('ok-')),
        names.some((n) => n.startsWith('ng-'))
      ]).toEqual([platform, true, true])
    }
  })
})
