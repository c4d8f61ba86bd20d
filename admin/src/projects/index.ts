import ProjectIcon from '@mui/icons-material/Lightbulb';
import QueueIcon from '@mui/icons-material/PendingActions';
import { ProjectCreate, ProjectEdit } from './ProjectForm.tsx';
import { ProjectList } from './ProjectList.tsx';
import { ProjectShow } from './ProjectShow.tsx';
import { ValidationQueue } from './ValidationQueue.tsx';

export default {
  list: ProjectList,
  show: ProjectShow,
  create: ProjectCreate,
  edit: ProjectEdit,
  icon: ProjectIcon,
  recordRepresentation: 'title',
};

export const validationQueue = { list: ValidationQueue, icon: QueueIcon, recordRepresentation: 'title' };
