import type { AddressInfo } from 'node:net'
import { type AddressObject, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** One message as the SMTP server received it, parsed. */
export type ReceivedMail = {
  /** The From header's address and display name. */
  from: { address: string; name: string } | null
  /** The To header's addresses. */
  to: string[]
  /** MAIL FROM and RCPT TO: where the message was really delivered. */
  envelope: { from: string | null; to: string[] }
  /** The SMTP AUTH user name, when the client logged in. */
  authenticatedAs: string | null
  subject: string
  text: string
  html: string
  attachments: { filename: string; contentType: string; content: string }[]
}

export type SmtpHarness = {
  host: string
  port: number
  /** Every message received so far, in order. */
  messages: ReceivedMail[]
  /** The first message (already received or still to come) that matches; rejects after timeoutMs. */
  waitFor: (predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>
  close: () => Promise<void>
}

const addressesOf = (header: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(header) ? header : header ? [header] : []).flatMap((group) => group.value.map((entry) => entry.address ?? ''))

/**
 * A real SMTP server in this process on 127.0.0.1, for the app's own nodemailer transport to
 * deliver to: no TLS (STARTTLS is not offered, so nodemailer does not try it), any login accepted.
 */
export async function startSmtpServer(): Promise<SmtpHarness> {
  const host = '127.0.0.1'
  const messages: ReceivedMail[] = []
  const waiters = new Set<(mail: ReceivedMail) => void>()

  const server = new SMTPServer({
    logger: false,
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    closeTimeout: 1000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username })
    },
    onData(stream, session, callback) {
      // An unparsable message fails the SMTP transaction, so the sender's test fails too.
      simpleParser(stream).then((parsed) => {
        const sender = parsed.from?.value[0]
        const mail: ReceivedMail = {
          from: sender ? { address: sender.address ?? '', name: sender.name } : null,
          to: addressesOf(parsed.to),
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
          },
          authenticatedAs: typeof session.user === 'string' ? session.user : null,
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          attachments: parsed.attachments.map((attachment) => ({
            filename: attachment.filename ?? '',
            contentType: attachment.contentType,
            content: attachment.content.toString('utf8'),
          })),
        }
        messages.push(mail)
        for (const waiter of waiters) waiter(mail)
        callback()
      }, callback)
    },
  })

  // Port 0: the kernel picks a free port at bind time, so parallel test files never collide.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port

  function waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs = 10_000): Promise<ReceivedMail> {
    const already = messages.find(predicate)
    if (already) return Promise.resolve(already)
    return new Promise((resolve, reject) => {
      const waiter = (mail: ReceivedMail) => {
        if (!predicate(mail)) return
        clearTimeout(timer)
        waiters.delete(waiter)
        resolve(mail)
      }
      const timer = setTimeout(() => {
        waiters.delete(waiter)
        const received = messages.map((mail) => `"${mail.subject}" to ${mail.to.join(', ')}`).join('; ') || 'nothing'
        reject(new Error(`no matching message within ${timeoutMs} ms; received: ${received}`))
      }, timeoutMs)
      waiters.add(waiter)
    })
  }

  return {
    host,
    port,
    messages,
    waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
