import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import { StuckProjectList } from './StuckProjectList.tsx';

export default {
  list: StuckProjectList,
  icon: SyncProblemIcon,
  recordRepresentation: 'title',
};
