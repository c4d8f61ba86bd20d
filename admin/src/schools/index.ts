import SchoolIcon from '@mui/icons-material/School';
import { lazyPage } from '../lazy-page.ts';

const SchoolList = lazyPage(() => import('./SchoolList.tsx'), 'SchoolList');
const SchoolShow = lazyPage(() => import('./SchoolShow.tsx'), 'SchoolShow');

export default {
  list: SchoolList,
  show: SchoolShow,
  icon: SchoolIcon,
  recordRepresentation: 'name',
};
