import { Box, Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../../../domain/roles.ts';
import { isReviewer } from '../permissions.ts';
import { AdminHome } from './homes/AdminHome.tsx';
import { DirecteurHome } from './homes/DirecteurHome.tsx';
import { GestionnaireHome } from './homes/GestionnaireHome.tsx';
import { MeceneHome } from './homes/MeceneHome.tsx';
import { ValidateurHome } from './homes/ValidateurHome.tsx';
import type { RoleGrant } from '../types.ts';
import { RoleChips } from '../users/RoleChips.tsx';
import { PorteurProjects } from './PorteurProjects.tsx';
import { StatsCharts } from './StatsCharts.tsx';

/** Home page: greets the signed-in user by name, lists their roles, then one block per role saying what waits for them. */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Role[]>();
  const translate = useTranslate();
  if (!identity) return null;
  const roles: RoleGrant[] = identity.roles ?? [];
  return (
    <>
      <Card sx={{ mt: 2 }}>
        <Title title="app.dashboard.title" />
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {translate('app.dashboard.greeting', { name: identity.fullName })}
          </Typography>
          <Typography variant="subtitle1" component="h3" gutterBottom>
            {translate('app.dashboard.roles')}
          </Typography>
          {roles.length > 0 ? (
            <Box sx={{ '& .MuiChip-root': { height: 'auto', py: 0.5 }, '& .MuiChip-label': { whiteSpace: 'normal' } }}>
              <RoleChips roles={roles} />
            </Box>
          ) : (
            <Typography>{translate('app.dashboard.no_roles')}</Typography>
          )}
        </CardContent>
      </Card>
      {permissions?.includes('porteur') ? <PorteurProjects /> : null}
      {permissions?.includes('directeur') ? <DirecteurHome /> : null}
      {permissions?.includes('gestionnaire') ? <GestionnaireHome /> : null}
      {permissions?.includes('validateur') ? <ValidateurHome /> : null}
      {permissions?.includes('mecene') ? <MeceneHome /> : null}
      {permissions?.includes('admin') ? <AdminHome /> : null}
      {isReviewer(permissions) ? <StatsCharts /> : null}
    </>
  );
};
