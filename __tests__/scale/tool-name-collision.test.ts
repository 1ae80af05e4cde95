import { describe, expect, it } from '@jest/globals'
import { toolHash } from '../../src/model/tools.js'
import { lintFiles } from '../../src/lint-text.js'
import { formatLockfile } from '../../src/lockfile/lockfile.js'
import rule from '../../src/rules/tool-name-collision.js'

describe('tool-name-collision at scale', () => {
  const count = 10_000
  const names = Array.from({ length: count }, (_, index) => `s${index}`)
  const lockfile = (launch: (name: string) => string) =>
    formatLockfile({
      lockfileVersion: 1,
      servers: Object.fromEntries(
        names.map((name) => [
          name,
          {
            launch: { command: 'npx', args: ['-y', launch(name)] },
            tools: Object.fromEntries(
              ['create_entities', 'read_graph'].map((tool) => [
                tool,
                { hash: toolHash({ name: tool }) }
              ])
            )
          }
        ])
      )
    })

  it.each<[string, (name: string) => string, string]>([
    ['identical launches', () => 'memory-mcp@1.0.0', 'sameLaunch'],
    ['distinct launches with the same tools', (name) => `${name}-mcp@1.0.0`, 'sharedTools']
  ])('%s: 10,000 servers give one finding, in linear time', (_, launch, messageId) => {
    const text = JSON.stringify({
      mcpServers: Object.fromEntries(
        names.map((name) => [name, { command: 'npx', args: ['-y', launch(name)] }])
      )
    })
    const started = performance.now()
    const found = lintFiles([{ path: '.mcp.json', text }], [rule], { lockfile: lockfile(launch) })
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(found.map((finding) => finding.messageId)).toEqual([messageId])
    expect(found[0]?.message).toMatch(/^servers "s0", "s1", "s2" and 9997 more /)
  })
})
