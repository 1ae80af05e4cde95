// Precision and recall of the secret detector on the labelled set (__tests__/helpers/
// secrets-labelled.ts), per-detector counts, and how often the context rule misses randomly
// generated keys of common shapes (the entropy bar's known blind spot). Prints notes, never values.
//   npx tsx scripts/secrets-accuracy.ts
import { findSecrets } from '../src/detect/secrets.js'
import { fakeString } from '../__tests__/helpers/fake-tokens.js'
import { formatAccuracy, measureAccuracy } from '../__tests__/helpers/secrets-labelled.js'

const accuracy = measureAccuracy()
console.log(formatAccuracy(accuracy))
for (const miss of accuracy.misses) console.log(`  ${miss}`)

console.log('\nper detector (reports above low on secrets / on non-secrets, low reports):')
const detectors = [...accuracy.byDetector].sort(([a], [b]) => a.localeCompare(b))
const width = Math.max(...detectors.map(([name]) => name.length))
for (const [name, counts] of detectors)
  console.log(
    `  ${name.padEnd(width)}  hits ${String(counts.hits).padStart(3)}  false ${String(counts.falseHits).padStart(3)}  low ${String(counts.low).padStart(3)}`
  )

console.log('\ncontext rule on 2,000 random values per shape under API_KEY (no provider prefix):')
const shapes: readonly (readonly [string, 'alnum' | 'hex' | 'base64', number])[] = [
  ['alnum 16', 'alnum', 16],
  ['alnum 20', 'alnum', 20],
  ['alnum 32', 'alnum', 32],
  ['hex 16', 'hex', 16],
  ['hex 32', 'hex', 32],
  ['base64 40', 'base64', 40]
]
for (const [label, alphabet, length] of shapes) {
  let missed = 0
  for (let seed = 0; seed < 2000; seed++)
    if (findSecrets(fakeString(alphabet, length, seed), { key: 'API_KEY' }).length === 0) missed++
  console.log(`  ${label.padEnd(10)} recall ${(1 - missed / 2000).toFixed(3)} (${missed} missed)`)
}
