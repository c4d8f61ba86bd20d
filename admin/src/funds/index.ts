import FundIcon from '@mui/icons-material/AccountBalance';
import { lazyPage } from '../lazy-page.ts';

const FundList = lazyPage(() => import('./FundList.tsx'), 'FundList');
const FundShow = lazyPage(() => import('./FundShow.tsx'), 'FundShow');

export default {
  list: FundList,
  show: FundShow,
  icon: FundIcon,
  recordRepresentation: 'name',
};
