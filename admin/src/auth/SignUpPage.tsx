import { Alert, Button, CardContent, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Form, Link, PasswordInput, TextInput, email, required, useAuthProvider, useNavigate } from 'react-admin';
import type { RegisterRequest } from '../../../contracts/auth.ts';
import { useApiAction } from '../providers/useApiAction.ts';
import { SignedOutPage } from './SignedOutPage.tsx';
import { SignUpSchoolInput } from './SignUpSchoolInput.tsx';

const atLeast12 = (value: string | undefined) =>
  value && value.length < 12 ? 'Le mot de passe doit compter au moins 12 caractères.' : undefined;

/** Porteurs open their own account with their academic address, then are signed in. */
export const SignUpPage = () => {
  const authProvider = useAuthProvider();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { submit } = useApiAction();
  const [refusal, setRefusal] = useState<string>();
  const signUp = (values: Partial<RegisterRequest>) => {
    setRefusal(undefined);
    const signIn = async () => {
      await authProvider?.login({ username: values.email, password: values.password });
      // what was known of the signed-out visitor is forgotten before the home page asks again
      await queryClient.resetQueries({ queryKey: ['auth'] });
      navigate('/');
    };
    // a refusal about a field sits next to it; any other above the form
    return submit({ path: '/auth/register', body: values, refresh: false, after: signIn }, setRefusal);
  };
  return (
    <SignedOutPage>
      <CardContent sx={{ maxWidth: 420 }}>
        <Typography component="h1" variant="h6" gutterBottom>
          Créer un compte porteur de projet
        </Typography>
        {refusal ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {refusal}
          </Alert>
        ) : null}
        <Form onSubmit={signUp} mode="onSubmit" reValidateMode="onChange">
          <Stack>
            <TextInput
              source="email"
              id="email"
              label="Adresse e-mail académique"
              type="email"
              autoComplete="email"
              helperText="Pour les enseignants et personnels, par exemple prenom.nom@ac-lille.fr"
              validate={[required(), email('Adresse e-mail invalide.')]}
            />
            <TextInput
              source="displayName"
              id="displayName"
              label="Prénom et nom"
              autoComplete="name"
              validate={required()}
            />
            <SignUpSchoolInput />
            <PasswordInput
              source="password"
              id="password"
              label="Mot de passe (12 caractères au moins)"
              autoComplete="new-password"
              validate={[required(), atLeast12]}
            />
            <Button type="submit" variant="contained">
              Créer mon compte
            </Button>
            <MuiLink component={Link} to="/login" sx={{ mt: 2, textAlign: 'center' }}>
              J’ai déjà un compte : me connecter
            </MuiLink>
          </Stack>
        </Form>
      </CardContent>
    </SignedOutPage>
  );
};
