import FundIcon from '@mui/icons-material/AccountBalance';
import { FundList } from './FundList.tsx';
import { FundShow } from './FundShow.tsx';

export default {
  list: FundList,
  show: FundShow,
  icon: FundIcon,
  recordRepresentation: 'name',
};
