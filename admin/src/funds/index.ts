import FundIcon from '@mui/icons-material/AccountBalance';
import { lazyPage } from '../lazy-page.ts';

const FundList = lazyPage(() => import('./FundList.tsx'), 'FundList');
const FundShow = lazyPage(() => import('./FundShow.tsx'), 'FundShow');
const FundCreate = lazyPage(() => import('./FundCreate.tsx'), 'FundCreate');
const FundEdit = lazyPage(() => import('./FundEdit.tsx'), 'FundEdit');

export default {
  list: FundList,
  show: FundShow,
  create: FundCreate,
  edit: FundEdit,
  icon: FundIcon,
  recordRepresentation: 'name',
};
