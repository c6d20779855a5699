type LexicalNode = { text?: unknown; children?: unknown }

/** Minutes to read a lexical document at 200 words a minute (at least 1). */
export function readingMinutes(content: { root?: object } | null | undefined): number {
  let words = 0
  const visit = (node: LexicalNode) => {
    if (typeof node.text === 'string') words += node.text.split(/\s+/).filter(Boolean).length
    if (Array.isArray(node.children)) node.children.forEach(visit)
  }
  if (content?.root) visit(content.root as LexicalNode)
  return Math.max(1, Math.round(words / 200))
}
