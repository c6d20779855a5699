import * as migration_20261122_002332_initial from './20261122_002332_initial';
import * as migration_20261122_020626_payment_jobs from './20261122_020626_payment_jobs';
import * as migration_20261122_030245_attempt_order_id_index from './20261122_030245_attempt_order_id_index';
import * as migration_20261122_030744_testimonials from './20261122_030744_testimonials';
import * as migration_20261122_031854_realtime from './20261122_031854_realtime';
import * as migration_20261203_120955_history_parent_order_index from './20261203_120955_history_parent_order_index';
import * as migration_20261203_193018_bi_paid_at_index from './20261203_193018_bi_paid_at_index';
import * as migration_20261204_053029_jobs_tasks_and_schedules from './20261204_053029_jobs_tasks_and_schedules';
import * as migration_20261204_055537_performance_metrics from './20261204_055537_performance_metrics';
import * as migration_20261204_061017_bi_paid_invoice_indexes from './20261204_061017_bi_paid_invoice_indexes';
import * as migration_20261204_090000_bi_daily_rollups from './20261204_090000_bi_daily_rollups';

export const migrations = [
  {
    up: migration_20261122_002332_initial.up,
    down: migration_20261122_002332_initial.down,
    name: '20261122_002332_initial',
  },
  {
    up: migration_20261122_020626_payment_jobs.up,
    down: migration_20261122_020626_payment_jobs.down,
    name: '20261122_020626_payment_jobs',
  },
  {
    up: migration_20261122_030245_attempt_order_id_index.up,
    down: migration_20261122_030245_attempt_order_id_index.down,
    name: '20261122_030245_attempt_order_id_index',
  },
  {
    up: migration_20261122_030744_testimonials.up,
    down: migration_20261122_030744_testimonials.down,
    name: '20261122_030744_testimonials',
  },
  {
    up: migration_20261122_031854_realtime.up,
    down: migration_20261122_031854_realtime.down,
    name: '20261122_031854_realtime',
  },
  {
    up: migration_20261203_120955_history_parent_order_index.up,
    down: migration_20261203_120955_history_parent_order_index.down,
    name: '20261203_120955_history_parent_order_index',
  },
  {
    up: migration_20261203_193018_bi_paid_at_index.up,
    down: migration_20261203_193018_bi_paid_at_index.down,
    name: '20261203_193018_bi_paid_at_index',
  },
  {
    up: migration_20261204_053029_jobs_tasks_and_schedules.up,
    down: migration_20261204_053029_jobs_tasks_and_schedules.down,
    name: '20261204_053029_jobs_tasks_and_schedules',
  },
  {
    up: migration_20261204_055537_performance_metrics.up,
    down: migration_20261204_055537_performance_metrics.down,
    name: '20261204_055537_performance_metrics',
  },
  {
    up: migration_20261204_061017_bi_paid_invoice_indexes.up,
    down: migration_20261204_061017_bi_paid_invoice_indexes.down,
    name: '20261204_061017_bi_paid_invoice_indexes',
  },
  {
    up: migration_20261204_090000_bi_daily_rollups.up,
    down: migration_20261204_090000_bi_daily_rollups.down,
    name: '20261204_090000_bi_daily_rollups',
  },
];
