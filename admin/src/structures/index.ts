import BusinessIcon from '@mui/icons-material/Business';
import { lazyPage } from '../lazy-page.ts';

const StructureList = lazyPage(() => import('./StructureList.tsx'), 'StructureList');
const StructureShow = lazyPage(() => import('./StructureShow.tsx'), 'StructureShow');

export default { list: StructureList, show: StructureShow, icon: BusinessIcon, recordRepresentation: 'legalName' };
