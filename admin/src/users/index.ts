import UserIcon from '@mui/icons-material/People';
import { lazyPage } from '../lazy-page.ts';

const UserList = lazyPage(() => import('./UserList.tsx'), 'UserList');
const UserShow = lazyPage(() => import('./UserShow.tsx'), 'UserShow');

export default {
  list: UserList,
  show: UserShow,
  icon: UserIcon,
  recordRepresentation: 'displayName',
};
