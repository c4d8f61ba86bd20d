import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { DonationList } from './DonationList.tsx';

export default {
  list: DonationList,
  icon: VolunteerActivismIcon,
  recordRepresentation: 'donorName',
};
