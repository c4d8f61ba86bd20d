import EmailIcon from '@mui/icons-material/Email';
import { lazyPage } from '../lazy-page.ts';

const EmailList = lazyPage(() => import('./EmailList.tsx'), 'EmailList');

export default {
  list: EmailList,
  icon: EmailIcon,
  recordRepresentation: 'subject',
};
