import PaymentsIcon from '@mui/icons-material/Payments';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { BatchList } from './BatchList.tsx';
import { PayoutList } from './PayoutList.tsx';

export const payouts = { list: PayoutList, icon: PaymentsIcon, recordRepresentation: 'projectTitle' };
export const payoutBatches = { list: BatchList, icon: ReceiptLongIcon, recordRepresentation: 'messageId' };
