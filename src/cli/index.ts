#!/usr/bin/env node
import * as nodeModule from 'node:module'

// Node 22.1 and later keep V8's compiled code between runs (in the OS temp dir, as npm does):
// most of a small repository's run is compiling the bundle. NODE_DISABLE_COMPILE_CACHE=1 turns
// it off; Node 20 has no such cache.
const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown }
enableCompileCache?.()

// A reader that stops early (`mcp-lint check . | head`) closes the pipe. Like a tool ended by
// SIGPIPE, stop writing to it, quietly, and still finish the run and return its exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
  })
}

// Imported after the cache is on, so the bundle's chunks are compiled through it.
const { main } = await import('./main.js')
process.exitCode = await main(process.argv.slice(2))
