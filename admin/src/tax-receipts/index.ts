import ReceiptIcon from '@mui/icons-material/Receipt';
import { lazyPage } from '../lazy-page.ts';

const ReceiptList = lazyPage(() => import('./ReceiptList.tsx'), 'ReceiptList');

export default { list: ReceiptList, icon: ReceiptIcon, recordRepresentation: 'donorName' };
