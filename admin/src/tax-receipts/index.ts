import ReceiptIcon from '@mui/icons-material/Receipt';
import { ReceiptList } from './ReceiptList.tsx';

export default { list: ReceiptList, icon: ReceiptIcon, recordRepresentation: 'donorName' };
