import type { Post } from '../payload-types'

/** Builds Lexical rich-text JSON from plain blocks, so seed content reads like prose. */
type Block = { heading: string } | { paragraph: string } | { list: string[] }

const text = (value: string) => ({ type: 'text', text: value, detail: 0, format: 0, mode: 'normal', style: '', version: 1 })

type LexicalNode = { type: string; version: number; [key: string]: unknown }

const element = (type: string, children: LexicalNode[], extra: Record<string, unknown> = {}): LexicalNode & { children: LexicalNode[]; direction: 'ltr'; format: ''; indent: number } => ({
  type,
  children,
  direction: 'ltr' as const,
  format: '' as const,
  indent: 0,
  version: 1,
  ...extra,
})

export function richText(blocks: Block[]): Post['content'] {
  return {
    root: element(
      'root',
      blocks.map((block) => {
        if ('heading' in block) return element('heading', [text(block.heading)], { tag: 'h2' })
        if ('list' in block) {
          return element(
            'list',
            block.list.map((item, index) => element('listitem', [text(item)], { value: index + 1 })),
            { listType: 'bullet', start: 1, tag: 'ul' },
          )
        }
        return element('paragraph', [text(block.paragraph)], { textFormat: 0, textStyle: '' })
      }),
    ),
  }
}
