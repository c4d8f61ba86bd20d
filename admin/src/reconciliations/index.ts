import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { lazyPage } from '../lazy-page.ts';

const ReconciliationList = lazyPage(() => import('./ReconciliationList.tsx'), 'ReconciliationList');

export default { list: ReconciliationList, icon: CompareArrowsIcon };
