import ProjectIcon from '@mui/icons-material/Lightbulb';
import { ProjectList } from './ProjectList.tsx';
import { ProjectShow } from './ProjectShow.tsx';

export default {
  list: ProjectList,
  show: ProjectShow,
  icon: ProjectIcon,
  recordRepresentation: 'title',
};
