import ProjectIcon from '@mui/icons-material/Lightbulb';
import QueueIcon from '@mui/icons-material/PendingActions';
import { lazyPage } from '../lazy-page.ts';

const ProjectCreate = lazyPage(() => import('./ProjectForm.tsx'), 'ProjectCreate');
const ProjectEdit = lazyPage(() => import('./ProjectForm.tsx'), 'ProjectEdit');
const ProjectList = lazyPage(() => import('./ProjectList.tsx'), 'ProjectList');
const ProjectShow = lazyPage(() => import('./ProjectShow.tsx'), 'ProjectShow');
const ValidationQueue = lazyPage(() => import('./ValidationQueue.tsx'), 'ValidationQueue');

export default {
  list: ProjectList,
  show: ProjectShow,
  create: ProjectCreate,
  edit: ProjectEdit,
  icon: ProjectIcon,
  recordRepresentation: 'title',
};

export const validationQueue = { list: ValidationQueue, icon: QueueIcon, recordRepresentation: 'title' };
