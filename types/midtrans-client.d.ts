// midtrans-client ships no types and @types/midtrans-client covers only Snap; this declares
// the part of the Core API JasaWeb uses (see shared/reference/midtrans.md).
declare module 'midtrans-client' {
  type AxiosLike = { defaults: { timeout: number; maxRedirects?: number; headers: { common: Record<string, string> } } }

  export class CoreApi {
    constructor(options: { isProduction: boolean; serverKey: string; clientKey?: string })
    apiConfig: { getCoreApiBaseUrl: () => string }
    httpClient: { http_client: AxiosLike }
    charge(parameter: Record<string, unknown>): Promise<Record<string, unknown>>
    transaction: { status(transactionOrOrderId: string): Promise<Record<string, unknown>> }
  }

  export class MidtransError extends Error {
    httpStatusCode: number | string | null
    ApiResponse: unknown
  }

  const midtransClient: { CoreApi: typeof CoreApi; MidtransError: typeof MidtransError }
  export default midtransClient
}
