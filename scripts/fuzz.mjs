// The long fuzz run: many more cases than CI's fixed-seed run, from a random seed it prints so a
// failure can be replayed (FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npm run fuzz).
import { spawnSync } from 'node:child_process'

const runs = process.env.FUZZ_RUNS ?? '20000'
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31))
console.log(`fuzzing with ${runs} runs per property, seed ${seed}`)
const result = spawnSync('npx', ['jest', '__tests__/fuzz.test.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    FUZZ_RUNS: runs,
    FUZZ_SEED: seed,
    NODE_OPTIONS: '--experimental-vm-modules',
    NODE_NO_WARNINGS: '1'
  }
})
process.exit(result.status ?? 1)
