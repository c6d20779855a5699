import { escapeHtml } from './escapeHtml'
import { textTable } from './textTable'

export type EmailLayoutInput = {
  /** The line inbox lists show after the subject; hidden in the message itself. */
  preheader: string
  heading: string
  /** Plain text, one paragraph each; escaped, never read as HTML. */
  paragraphs: string[]
  table?: { columns: string[]; rows: string[][] }
  action?: { label: string; url: string }
  footnote?: string
}

const BRAND = '#1d4ed8'
const INK = '#0f172a'
const MUTED = '#475569'
const FONT = 'Arial,Helvetica,sans-serif'
const FOOTER = ['JasaWeb — jasa pembuatan website sekolah, berita dan company profile', 'Email ini dikirim otomatis; balas ke email ini jika ada pertanyaan.']

// Line breaks inside a paragraph are kept; everything else is text.
const paragraphHtml = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>')

function tableHtml({ columns, rows }: NonNullable<EmailLayoutInput['table']>): string {
  const cell = (tag: 'th' | 'td', text: string) =>
    `<${tag} align="left" style="padding:8px 10px;border-bottom:1px solid #e2e8f0;font-family:${FONT};font-size:14px;${tag === 'th' ? `color:${MUTED};font-weight:bold;background:#f8fafc` : `color:${INK}`}">${escapeHtml(text)}</${tag}>`
  const header = `<tr>${columns.map((column) => cell('th', column)).join('')}</tr>`
  const body = rows.map((row) => `<tr>${columns.map((_, index) => cell('td', row[index] ?? '')).join('')}</tr>`).join('\n')
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;border:1px solid #e2e8f0">
${header}
${body}
</table>`
}

// A table cell with a background, not a styled link alone: Outlook drops padding on links.
function actionHtml({ label, url }: NonNullable<EmailLayoutInput['action']>): string {
  const href = escapeHtml(url)
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="${BRAND}" style="border-radius:8px;background:${BRAND}">
<a href="${href}" style="display:inline-block;padding:12px 20px;font-family:${FONT};font-size:15px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:8px">${escapeHtml(label)}</a>
</td></tr></table>
<p style="margin:16px 0 0;font-family:${FONT};font-size:13px;line-height:1.5;color:${MUTED}">Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:<br><a href="${href}" style="color:${BRAND};word-break:break-all">${href}</a></p>`
}

function renderHtml(input: EmailLayoutInput): string {
  const row = (content: string, padding = '0 32px 16px') => `<tr><td style="padding:${padding}">${content}</td></tr>`
  const paragraph = (text: string) =>
    row(`<p style="margin:0;font-family:${FONT};font-size:15px;line-height:1.6;color:${INK}">${paragraphHtml(text)}</p>`)
  const blocks = [
    row(`<p style="margin:0;font-family:${FONT};font-size:22px;font-weight:bold;color:${BRAND}">JasaWeb</p>`, '28px 32px 8px'),
    row(`<h1 style="margin:0;font-family:${FONT};font-size:20px;line-height:1.3;color:${INK}">${escapeHtml(input.heading)}</h1>`, '8px 32px 16px'),
    ...input.paragraphs.map(paragraph),
    input.table ? row(tableHtml(input.table), '8px 32px 24px') : '',
    input.action ? row(actionHtml(input.action), '8px 32px 24px') : '',
    input.footnote ? row(`<p style="margin:0;font-family:${FONT};font-size:13px;line-height:1.5;color:${MUTED}">${paragraphHtml(input.footnote)}</p>`) : '',
  ].filter(Boolean)
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(input.heading)}</title>
</head>
<body style="margin:0;padding:0;background:#f1f5f9">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all">${escapeHtml(input.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f1f5f9" style="background:#f1f5f9">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="max-width:560px;background:#ffffff;border-radius:12px">
${blocks.join('\n')}
<tr><td style="padding:8px 32px 28px"></td></tr>
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px">
<tr><td align="center" style="padding:16px 32px;font-family:${FONT};font-size:12px;line-height:1.6;color:#64748b">${FOOTER.map(escapeHtml).join('<br>')}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`
}

function renderText(input: EmailLayoutInput): string {
  const blocks = [
    input.heading,
    ...input.paragraphs,
    input.table ? textTable(input.table.columns, input.table.rows).join('\n') : '',
    input.action ? `${input.action.label}: ${input.action.url}` : '',
    input.footnote ?? '',
    `--\n${FOOTER.join('\n')}`,
  ].filter(Boolean)
  return `${blocks.join('\n\n')}\n`
}

/** The one look of every JasaWeb email: the HTML part and a plain-text part with the same content. */
export function renderEmailLayout(input: EmailLayoutInput): { html: string; text: string } {
  return { html: renderHtml(input), text: renderText(input) }
}
