'use client'

/** A same-origin call to JasaWeb's API with the session cookie; errors carry the server's message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message)
  }
}

type ErrorBody = { errors?: { message?: string; data?: { errors?: { path?: string; message?: string }[] } }[] }

export async function apiRequest<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  } catch {
    throw new ApiError('Tidak dapat menghubungi server. Periksa koneksi internet Anda.', 0)
  }
  const body = (await response.json().catch(() => ({}))) as T & ErrorBody
  if (!response.ok) {
    const first = body.errors?.[0]
    const fieldErrors = Object.fromEntries((first?.data?.errors ?? []).filter((e) => e.path).map((e) => [e.path as string, e.message ?? '']))
    throw new ApiError(first?.message ?? `Permintaan gagal (${response.status}).`, response.status, fieldErrors)
  }
  return body
}
