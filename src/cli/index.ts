#!/usr/bin/env node
import * as nodeModule from 'node:module'

// Node 22.1 and later keep V8's compiled code between runs (in the OS temp dir, as npm does):
// most of a small repository's run is compiling the bundle. NODE_DISABLE_COMPILE_CACHE=1 turns
// it off; Node 20 has no such cache.
const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown }
enableCompileCache?.()

// Imported after the cache is on, so the bundle's chunks are compiled through it.
const { main, outputPending } = await import('./main.js')
process.exitCode = await main(process.argv.slice(2))
// Leave now rather than wait for Node to tear the heap down (20 ms after a large repository),
// unless a terminal stream still queues output (Windows). Node writes its compile cache here too.
if (!outputPending()) process.exit()
