import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { lazyPage } from '../lazy-page.ts';

const AnomalyList = lazyPage(() => import('./AnomalyList.tsx'), 'AnomalyList');

export default {
  list: AnomalyList,
  icon: ReportProblemIcon,
  recordRepresentation: 'message',
};
