import { normalizeServer } from '../../src/canonical/normalize.js'
import { renderServer } from '../../src/canonical/render.js'
import type { PlainObject, PlainValue } from '../../src/model/tree.js'
import { dialects } from '../../src/platforms/index.js'
import { isRecord } from '../../src/util/is-record.js'

const platform = (id: string) => {
  const found = dialects.find((dialect) => dialect.id === id)
  if (found === undefined) throw new Error(`no ${id}`)
  return found
}

/** A loaded value as toPlain builds it: objects without a prototype. */
function plain(entries: readonly [string, PlainValue][]): PlainObject {
  const object = Object.create(null) as PlainObject
  for (const [key, value] of entries) object[key] = value
  return object
}

describe('renderServer', () => {
  it('writes a __proto__ env name or extra field as an ordinary key, never as the prototype', () => {
    const entry = plain([
      ['command', 'node'],
      [
        'env',
        plain([
          ['__proto__', 'x'],
          ['A', '1']
        ])
      ]
    ])
    const server = normalizeServer(platform('claude-code'), entry)
    const extras = plain([['__proto__', plain([['polluted', true]])]])
    const { value, problems } = renderServer(platform('cursor'), server, extras)
    expect(problems).toEqual([])
    if (!isRecord(value)) throw new Error('no object')
    // No Object.prototype on the chain: nothing is inherited, and `__proto__` is a key.
    expect(['constructor' in value, 'toString' in value]).toEqual([false, false])
    expect(Object.keys(value)).toEqual(['command', 'env', '__proto__'])
    expect(Object.keys(value.env as PlainObject)).toEqual(['__proto__', 'A'])
    expect(JSON.stringify(value)).toBe(
      '{"command":"node","env":{"__proto__":"x","A":"1"},"__proto__":{"polluted":true}}'
    )
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })
})
