import * as migration_20261122_002332_initial from './20261122_002332_initial';
import * as migration_20261122_020626_payment_jobs from './20261122_020626_payment_jobs';
import * as migration_20261122_030245_attempt_order_id_index from './20261122_030245_attempt_order_id_index';

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
    name: '20261122_030245_attempt_order_id_index'
  },
];
