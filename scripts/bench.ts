// `npm run bench`: the static lint benchmark, then the enumeration benchmark, as the README shows
// them. A few minutes on a 2-core machine.
import { spawnSync } from 'node:child_process'

const runs = process.argv.includes('--quick') ? '3' : '5'
for (const [script, count] of [
  ['scripts/bench-static.ts', runs],
  // Each enumeration run fetches from npm twice (cold caches), so fewer runs.
  ['scripts/bench-enumeration.ts', '3']
] as const) {
  console.log(`\n## ${script}\n`)
  const result = spawnSync('npx', ['tsx', script, '--runs', count], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
