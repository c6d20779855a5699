import { getConfig } from '../lib/env'
import { createMidtransGateway, type MidtransGateway } from './midtransGateway'
import { MidtransStandIn } from './midtransStandIn'

/** The simulator's key: only ever used without real Midtrans keys, outside production. */
export const SIMULATOR_SERVER_KEY = 'SB-Mid-server-JASAWEB-SIMULATOR'
export const SIMULATOR_PATH = '/api/midtrans-simulator'

type PaymentsRuntime = { gateway: MidtransGateway; serverKey: string; simulated: boolean }

// One per process, shared by server.ts and Next's bundle (different module instances).
const holder = globalThis as typeof globalThis & { __jasawebPayments?: PaymentsRuntime; __jasawebSimulator?: MidtransStandIn }

/** Real Midtrans when MIDTRANS_SERVER_KEY is set; otherwise the built-in QRIS simulator. */
export function payments(): PaymentsRuntime {
  if (holder.__jasawebPayments) return holder.__jasawebPayments
  const config = getConfig()
  const simulated = !config.MIDTRANS_SERVER_KEY
  const serverKey = config.MIDTRANS_SERVER_KEY ?? SIMULATOR_SERVER_KEY
  const gateway = createMidtransGateway({
    serverKey,
    clientKey: config.MIDTRANS_CLIENT_KEY,
    isProduction: config.MIDTRANS_IS_PRODUCTION,
    baseUrl: config.MIDTRANS_API_URL ?? (simulated ? `${config.SERVER_URL}${SIMULATOR_PATH}` : undefined),
    timeoutMs: config.MIDTRANS_TIMEOUT_MS,
  })
  holder.__jasawebPayments = { gateway, serverKey, simulated }
  return holder.__jasawebPayments
}

/** The built-in stand-in behind SIMULATOR_PATH (demo mode only). */
export function simulator(): MidtransStandIn {
  const config = getConfig()
  holder.__jasawebSimulator ??= new MidtransStandIn(SIMULATOR_SERVER_KEY, () => `${config.SERVER_URL}${SIMULATOR_PATH}`, config.PAYMENT_EXPIRY_MINUTES)
  return holder.__jasawebSimulator
}

/** Tests serve the simulator on its own port (there is no app server in jest). */
export function useSimulator(instance: MidtransStandIn): void {
  holder.__jasawebSimulator = instance
}

/** Tests swap configuration between files; this forgets the cached runtime. */
export function resetPayments(): void {
  delete holder.__jasawebPayments
  delete holder.__jasawebSimulator
}
