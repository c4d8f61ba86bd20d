import MapIcon from '@mui/icons-material/Map';
import { AcademyList } from './AcademyList.tsx';

export default { list: AcademyList, icon: MapIcon, recordRepresentation: 'name' };
