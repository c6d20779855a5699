import type { Granularity } from '../../../bi/biParams'
import type { Conversion, ProjectPoint, Receivables, RevenuePoint, StatusStay, TierRevenue, UserPoint } from '../../../bi/biReports'
import type { Backtest, ForecastMethod, ForecastPoint } from '../../../bi/revenueForecast'
import type { ProjectType } from '../../../fields/projectType'
import type { ProjectStatus } from '../../../projects/statusFlow'

/** The JSON bodies of `/api/admin/bi/*` (built in bi/biReportBuilders.ts), as the browser reads them. */
type ReportRange = { from: string; to: string; granularity: Granularity; timeZone: string }

export type SummaryReport = {
  range: ReportRange
  revenue: number
  paidInvoices: number
  newClients: number
  conversionRate: number | null
  conversion: Conversion
  receivables: Receivables
  projectsByStatus: Record<ProjectStatus, number>
  projectsByType: Record<ProjectType, number>
  timeInStatus: StatusStay[]
  topPricingTiers: TierRevenue[]
}

export type RevenueReport = { range: ReportRange; total: { revenue: number; invoices: number }; receivables: Receivables; series: RevenuePoint[] }

export type UsersReport = { range: ReportRange; newClients: number; newStaff: number; clientsBefore: number; conversion: Conversion; series: UserPoint[] }

export type ProjectsReport = {
  range: ReportRange
  byStatus: Record<ProjectStatus, number>
  byType: Record<ProjectType, number>
  timeInStatus: StatusStay[]
  series: ProjectPoint[]
}

export type ForecastReport = { method: ForecastMethod; history: number; confidence: number; forecast: ForecastPoint[]; backtest: Backtest | null }

export type BiReports = { summary: SummaryReport; revenue: RevenueReport; users: UsersReport; projects: ProjectsReport; forecast: ForecastReport }
