import MenuBookIcon from '@mui/icons-material/MenuBook';
import { lazyPage } from '../lazy-page.ts';

const GuideList = lazyPage(() => import('./GuidePages.tsx'), 'GuideList');
const GuideCreate = lazyPage(() => import('./GuidePages.tsx'), 'GuideCreate');
const GuideEdit = lazyPage(() => import('./GuidePages.tsx'), 'GuideEdit');

export default {
  list: GuideList,
  create: GuideCreate,
  edit: GuideEdit,
  icon: MenuBookIcon,
  options: { label: 'Ressources' },
  recordRepresentation: 'title',
};
