import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { Login } from 'react-admin';

/** react-admin's sign-in card, as the main landmark of the page (its own root is a plain div). */
export const SignedOutPage = ({ children }: { children: ReactNode }) => (
  <Box component="main">
    <Login>{children}</Login>
  </Box>
);
