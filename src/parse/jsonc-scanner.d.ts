// jsonc-parser's scanner alone: its package entry also loads the parser, formatter and editor,
// which only sync needs, and which a check would compile at every start. The module has no types
// of its own; its function is the one the package exports.
declare module 'jsonc-parser/lib/esm/impl/scanner.js' {
  export { createScanner } from 'jsonc-parser'
}
