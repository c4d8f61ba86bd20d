import FundIcon from '@mui/icons-material/AccountBalance';
import { FundList } from './FundList.tsx';

export default {
  list: FundList,
  icon: FundIcon,
  recordRepresentation: 'name',
};
