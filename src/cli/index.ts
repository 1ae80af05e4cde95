#!/usr/bin/env node
import { main } from './main.js'

// A reader that stops early (`mcp-lint check . | head`) closes the pipe. Like a tool ended by
// SIGPIPE, stop writing to it, quietly, and still finish the run and return its exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
  })
}

process.exitCode = await main(process.argv.slice(2))
