import fs from 'node:fs'
import path from 'node:path'

export type Mail = { file: string; to: string; subject: string; body: string }

/** Undoes quoted-printable (soft line breaks, =XX bytes) so links and words can be searched. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? ''

/** The .eml files the app wrote to DATA_DIR/mail (its demo transport), oldest first. */
export function readMailbox(dataDir: string): Mail[] {
  const folder = path.join(dataDir, 'mail')
  if (!fs.existsSync(folder)) return []
  return fs
    .readdirSync(folder)
    .sort()
    .map((file) => {
      const raw = fs.readFileSync(path.join(folder, file), 'utf8')
      return { file, to: header(raw, 'To'), subject: header(raw, 'Subject'), body: decodeQuotedPrintable(raw) }
    })
}

/** Waits for a message to `to` whose body matches, and returns it. */
export async function waitForMail(dataDir: string, to: string, body: RegExp, timeoutMs = 15_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const mail = readMailbox(dataDir).find((message) => message.to.includes(to) && body.test(message.body))
    if (mail) return mail
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${body} within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
