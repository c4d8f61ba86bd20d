import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { lazyPage } from '../lazy-page.ts';

const DonationList = lazyPage(() => import('./DonationList.tsx'), 'DonationList');

export default {
  list: DonationList,
  icon: VolunteerActivismIcon,
  recordRepresentation: 'donorName',
};
