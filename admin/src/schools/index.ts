import SchoolIcon from '@mui/icons-material/School';
import { SchoolList } from './SchoolList.tsx';
import { SchoolShow } from './SchoolShow.tsx';

export default {
  list: SchoolList,
  show: SchoolShow,
  icon: SchoolIcon,
  recordRepresentation: 'name',
};
