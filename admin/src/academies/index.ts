import MapIcon from '@mui/icons-material/Map';
import { lazyPage } from '../lazy-page.ts';

const AcademyList = lazyPage(() => import('./AcademyList.tsx'), 'AcademyList');

export default { list: AcademyList, icon: MapIcon, recordRepresentation: 'name' };
