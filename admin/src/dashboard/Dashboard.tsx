import { Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../../../domain/roles.ts';
import { canSeeSchools } from '../permissions.ts';
import type { RoleGrant } from '../types.ts';
import { RoleChips } from '../users/RoleChips.tsx';
import { PorteurProjects } from './PorteurProjects.tsx';
import { StatsCharts } from './StatsCharts.tsx';

/** Home page: greets the signed-in user by name, lists their roles; porteurs see their projects' next steps, the platform team its figures. */
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
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.dashboard.greeting', { name: identity.fullName })}
          </Typography>
          <Typography variant="subtitle1" component="h2" gutterBottom>
            {translate('app.dashboard.roles')}
          </Typography>
          {roles.length > 0 ? (
            <RoleChips roles={roles} />
          ) : (
            <Typography>{translate('app.dashboard.no_roles')}</Typography>
          )}
        </CardContent>
      </Card>
      {permissions?.includes('porteur') ? <PorteurProjects /> : null}
      {canSeeSchools(permissions) ? <StatsCharts /> : null}
    </>
  );
};
