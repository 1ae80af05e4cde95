// Bundles the CLI and the Action with ncc into dist/ (or the directory given as the first
// argument), runnable with plain `node` and no node_modules.
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const base = process.argv[2] ?? 'dist'
const entries = [
  ['src/cli/index.ts', 'cli'],
  ['src/action/index.ts', 'action']
]
for (const [entry, name] of entries) {
  const out = join(base, name)
  rmSync(out, { recursive: true, force: true })
  execFileSync(
    'npx',
    [
      'ncc',
      'build',
      entry,
      '-o',
      out,
      '--license',
      'licenses.txt',
      '--quiet',
      '--target',
      'es2022'
    ],
    {
      stdio: 'inherit'
    }
  )
  if (name === 'cli') {
    const file = join(out, 'index.js')
    const code = readFileSync(file, 'utf8')
    if (!code.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${code}`)
  }
}
