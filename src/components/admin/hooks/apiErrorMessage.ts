type ErrorAnswer = { errors?: { message: string }[] }

/** The first message of a Payload-style `{ errors: [{ message }] }` answer, or the status. */
export async function apiErrorMessage(response: Response): Promise<string> {
  const answer = (await response.json().catch(() => ({}))) as ErrorAnswer
  return answer.errors?.[0]?.message ?? `Gagal (${response.status})`
}

export const UNREACHABLE = 'Tidak bisa menghubungi server.'
