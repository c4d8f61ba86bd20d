import { Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { RoleGrant } from '../types.ts';
import { RoleChips } from '../users/RoleChips.tsx';

/** Home page: greets the signed-in user by name and lists their roles in French. */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity) return null;
  const roles: RoleGrant[] = identity.roles ?? [];
  return (
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
  );
};
