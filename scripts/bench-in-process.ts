// One repository linted again and again in one process, for bench:static: the first call runs
// code V8 has not compiled or optimised yet, as every CLI run and Action run does; the later
// calls run it warm. The gap is what cold code costs, apart from the work itself. Runs the
// source through tsx, so compare its calls with each other, not with the bundle's times.
// Caveat: secret scans are cached by value across calls (src/detect/secrets.ts), so warm calls
// skip that rule's scanning.
//   tsx scripts/bench-in-process.ts <root> <calls>  →  {"calls":[ms, ms, …]}
import { lint } from '../src/lint.js'

const [root, count] = process.argv.slice(2)
if (root === undefined || count === undefined)
  throw new Error('usage: bench-in-process.ts <root> <calls>')
const calls: number[] = []
for (let call = 0; call < Number(count); call++) {
  const started = performance.now()
  await lint({ root })
  calls.push(performance.now() - started)
}
console.log(JSON.stringify({ calls }))
