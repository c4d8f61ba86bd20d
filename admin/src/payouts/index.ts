import PaymentsIcon from '@mui/icons-material/Payments';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { lazyPage } from '../lazy-page.ts';

const BatchList = lazyPage(() => import('./BatchList.tsx'), 'BatchList');
const PayoutList = lazyPage(() => import('./PayoutList.tsx'), 'PayoutList');

export const payouts = { list: PayoutList, icon: PaymentsIcon, recordRepresentation: 'projectTitle' };
export const payoutBatches = { list: BatchList, icon: ReceiptLongIcon, recordRepresentation: 'messageId' };
