import { fieldPath, fieldName, itemPath } from '../../src/canonical/canonical.js'

describe('fieldPath and itemPath', () => {
  it('give one shared, frozen path per key and index', () => {
    expect(itemPath('args', 2)).toEqual(['args', '2'])
    expect(itemPath('args', 2)).toBe(itemPath('args', 2))
    expect(itemPath('command', 2)).not.toBe(itemPath('args', 2))
    expect(fieldPath('command')).toEqual(['command'])
    expect(fieldPath('command')).toBe(fieldPath('command'))
    expect(Object.isFrozen(itemPath('args', 0)) && Object.isFrozen(fieldPath('url'))).toBe(true)
    expect(fieldName(itemPath('args', 1))).toBe('args[1]')
    // A list as long as the repository likes is not kept past the run: its far items get their own.
    expect(itemPath('args', 5000)).toEqual(['args', '5000'])
    expect(itemPath('args', 5000)).not.toBe(itemPath('args', 5000))
  })
})
