import UserIcon from '@mui/icons-material/People';
import { UserList } from './UserList.tsx';

export default {
  list: UserList,
  icon: UserIcon,
  recordRepresentation: 'displayName',
};
