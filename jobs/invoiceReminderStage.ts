/**
 * Which reminder an unpaid invoice is due for. `stages` are days to the due date (3 = three
 * days before, 0 = the day, -7 = a week late), largest first. An invoice has reached every
 * stage at or after its day count; the newest reached stage is the one to send, once: a day
 * the runner missed still gets one reminder, never a burst of the ones skipped.
 */
export function reminderDue(daysUntilDue: number, stages: readonly number[], sent: readonly number[]): { stage: number; reached: number[] } | null {
  const reached = stages.filter((stage) => daysUntilDue <= stage)
  if (reached.length === 0) return null
  const stage = Math.min(...reached)
  return sent.includes(stage) ? null : { stage, reached }
}
