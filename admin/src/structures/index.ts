import BusinessIcon from '@mui/icons-material/Business';
import { StructureList } from './StructureList.tsx';
import { StructureShow } from './StructureShow.tsx';

export default { list: StructureList, show: StructureShow, icon: BusinessIcon, recordRepresentation: 'legalName' };
