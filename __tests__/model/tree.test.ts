import { parseJson } from '../../src/parse/json.js'
import { SourceText } from '../../src/model/location.js'
import { forEachObject, hasDuplicateKeys, type ObjectNode } from '../../src/model/tree.js'

const parse = (text: string) => {
  const { root } = parseJson(new SourceText('f.json', text))
  if (root === undefined) throw new Error('no tree')
  return root
}

describe('forEachObject', () => {
  it('visits every object, the root included, with its path, in source order', () => {
    const root = parse('{ "a": { "b": [1, { "c": {} }, []] }, "d": [{}] }')
    const seen: string[] = []
    forEachObject(root, (_, path) => seen.push(path.join('/')))
    expect(seen).toEqual(['', 'a', 'a/b/1', 'a/b/1/c', 'd/0'])
  })
})

describe('hasDuplicateKeys', () => {
  const object = (keys: readonly string[]) =>
    parse(`{ ${keys.map((key, index) => `"${key}": ${index}`).join(', ')} }`) as ObjectNode

  it('finds a repeated key among a few keys and among many', () => {
    expect(hasDuplicateKeys(object([]))).toBe(false)
    expect(hasDuplicateKeys(object(['a']))).toBe(false)
    expect(hasDuplicateKeys(object(['a', 'b', 'c']))).toBe(false)
    expect(hasDuplicateKeys(object(['a', 'b', 'a']))).toBe(true)
    const many = Array.from({ length: 20 }, (_, index) => `k${index}`)
    expect(hasDuplicateKeys(object(many))).toBe(false)
    expect(hasDuplicateKeys(object([...many, 'k3']))).toBe(true)
  })
})
