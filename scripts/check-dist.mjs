// Fails when the committed dist/ differs from a fresh build of the sources (works without git).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const fresh = mkdtempSync(join(tmpdir(), 'mcp-lint-dist-'))
try {
  execFileSync('node', ['scripts/build.mjs', fresh], { stdio: 'inherit' })
  const list = (root) =>
    readdirSync(root, { recursive: true })
      .map((entry) => join(root, String(entry)))
      .filter((path) => statSync(path).isFile())
      .map((path) => relative(root, path))
      .sort()
  const expected = list(fresh)
  const actual = list('dist')
  const stale = [...new Set([...expected, ...actual])].filter((path) => {
    try {
      return !readFileSync(join(fresh, path)).equals(readFileSync(join('dist', path)))
    } catch {
      return true
    }
  })
  if (stale.length > 0) {
    console.error(`dist/ is stale: ${stale.join(', ')}\nRun \`npm run build\` and commit dist/.`)
    process.exitCode = 1
  } else console.log('dist/ matches the sources')
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
