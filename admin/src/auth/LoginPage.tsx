import { Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link, LoginForm } from 'react-admin';
import { SignedOutPage } from './SignedOutPage.tsx';

/** The account-recovery page of the server (outside the SPA), where a reset link is e-mailed. */
export const FORGOTTEN_PASSWORD_URL = '/compte/mot-de-passe-oublie';

/** The sign-in page: react-admin's form, a link to recover a forgotten password, and porteurs' sign-up. */
export const LoginPage = () => (
  <SignedOutPage>
    <Typography component="h1" variant="h6" align="center" sx={{ px: 2 }}>
      Trousse à Projets : connexion
    </Typography>
    <LoginForm />
    <Stack spacing={1} sx={{ px: 2, pb: 2, alignItems: 'center' }}>
      <MuiLink href={FORGOTTEN_PASSWORD_URL}>Mot de passe oublié ?</MuiLink>
      <MuiLink component={Link} to="/inscription">
        Créer un compte porteur
      </MuiLink>
    </Stack>
  </SignedOutPage>
);
