import type { Granularity } from '../../../../bi/biParams'
import type { ForecastMethod } from '../../../../bi/revenueForecast'
import { formatPercent } from '@/lib/bi/formatBi'
import type { ForecastReport } from '@/lib/bi/reportTypes'

const METHOD_LABELS: Record<ForecastMethod, string> = {
  'linear-trend': 'tren linear',
  'linear-trend+monthly-seasonality': 'tren linear dengan pola musiman bulanan',
  'insufficient-history': 'riwayat belum cukup',
}

/** What the forecast is, how far to trust it (the backtest's MAPE), and why it may be off the chart. */
export function ForecastNote({ forecast, granularity, shown }: { forecast: ForecastReport; granularity: Granularity; shown: boolean }) {
  if (forecast.method === 'insufficient-history') {
    return <p className="jw-muted">Prakiraan belum tersedia: perlu pendapatan minimal 3 bulan penuh (saat ini {forecast.history} bulan).</p>
  }
  const backtest = forecast.backtest
  return (
    <p className="jw-muted" data-testid="forecast-note">
      Prakiraan {forecast.forecast.length} bulan ke depan ({METHOD_LABELS[forecast.method]}, {forecast.history} bulan riwayat).{' '}
      {backtest ? (
        <>
          Uji balik {backtest.heldOutMonths} bulan terakhir: <strong>MAPE {backtest.mape === null ? '—' : formatPercent(backtest.mape / 100)}</strong>.
        </>
      ) : (
        'Uji balik belum bisa dihitung.'
      )}
      {shown ? '' : granularity === 'month' ? ' Prakiraan tampil di grafik bila rentang mencapai bulan lalu.' : ' Pilih granularitas Bulanan untuk melihat prakiraan di grafik.'}
    </p>
  )
}
