import { Box, Card, CardContent, Link as MuiLink, Stack, TableContainer, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-admin';
import type { Role } from '../../../../domain/roles.ts';
import { fetchApi } from '../../providers/http.ts';

/** The summary GET /api/home/{role} gives the signed-in user. */
export function useHome<T>(role: Role) {
  return useQuery({ queryKey: ['home', role], queryFn: ({ signal }) => fetchApi<T>(`/home/${role}`, { signal }) });
}

/** One role's block of the home page: a titled card, its content once loaded. */
export const HomeSection = ({ title, children }: { title: string; children: ReactNode }) => {
  const id = useId();
  return (
    <Card sx={{ mt: 2 }} component="section" aria-labelledby={id}>
      <CardContent>
        <Typography id={id} variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/** A key figure with its label, e.g. « 1 200 € — collectés ». */
export const Figure = ({ value, label, to }: { value: string; label: string; to?: string }) => (
  <Box sx={{ minWidth: 150 }}>
    <Typography variant="h5" component="p" sx={{ fontWeight: 600 }}>
      {value}
    </Typography>
    {to ? (
      <MuiLink component={Link} to={to}>
        {label}
      </MuiLink>
    ) : (
      <Typography>{label}</Typography>
    )}
  </Box>
);

/** A row of key figures that wraps on a phone. */
export const Figures = ({ children }: { children: ReactNode }) => (
  <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
    {children}
  </Stack>
);

/** A horizontal bar in CSS showing a share (0 to 1), labelled for screen readers. */
export const ShareBar = ({ share, label }: { share: number; label: string }) => (
  <Box role="img" aria-label={label} sx={{ height: 12, bgcolor: 'grey.300', borderRadius: 1, overflow: 'hidden' }}>
    <Box sx={{ height: '100%', width: `${Math.round(share * 100)}%`, bgcolor: '#1d4ed8' }} />
  </Box>
);

/** A link to a back-office page, for the action a figure or a row calls for. */
export const ActLink = ({ to, children }: { to: string; children: ReactNode }) => (
  <MuiLink component={Link} to={to}>
    {children}
  </MuiLink>
);

/** A chart's size: the width of its box up to `maxWidth`, shrinking on a phone, at a fixed height. */
export const fluidChart = (height: number, maxWidth = 480) => ({ width: '100%', maxWidth, height });

/** A table that scrolls sideways inside its card when its columns do not fit the screen, reachable by keyboard. */
export const WideTable = ({ children }: { children: ReactNode }) => (
  <TableContainer tabIndex={0} sx={{ overflowX: 'auto' }}>
    {children}
  </TableContainer>
);
