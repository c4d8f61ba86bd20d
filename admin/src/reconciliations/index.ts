import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { ReconciliationList } from './ReconciliationList.tsx';

export default { list: ReconciliationList, icon: CompareArrowsIcon };
