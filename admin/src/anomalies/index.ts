import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { AnomalyList } from './AnomalyList.tsx';

export default {
  list: AnomalyList,
  icon: ReportProblemIcon,
  recordRepresentation: 'message',
};
