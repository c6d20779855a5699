/** What a template returns: everything `payload.sendEmail` needs except the recipient. */
export type RenderedEmail = {
  subject: string
  html: string
  text: string
  attachments?: { filename: string; content: string; contentType: string }[]
}
