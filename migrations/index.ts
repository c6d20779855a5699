import * as migration_20261122_002332_initial from './20261122_002332_initial';
import * as migration_20261122_020626_payment_jobs from './20261122_020626_payment_jobs';

export const migrations = [
  {
    up: migration_20261122_002332_initial.up,
    down: migration_20261122_002332_initial.down,
    name: '20261122_002332_initial',
  },
  {
    up: migration_20261122_020626_payment_jobs.up,
    down: migration_20261122_020626_payment_jobs.down,
    name: '20261122_020626_payment_jobs'
  },
];
