/** Every overlay feature, registered once. A meta-test checks each is tested and documented. */
import { changeNotice } from './change-notice';
import { duplicateGuard } from './duplicate-guard';
import { listStatus } from './list-status';
import { pendingPanel } from './pending-panel';
import type { Feature } from './types';

export const features: readonly Feature[] = [changeNotice, pendingPanel, listStatus, duplicateGuard];
