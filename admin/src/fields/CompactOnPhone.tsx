import { useMediaQuery, type Theme } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { SimpleList, type RaRecord } from 'react-admin';

/** True on a phone-sized screen (below MUI's `sm` breakpoint, 600 px). */
export const useIsPhone = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));

/**
 * A list's table on wide screens, and on a phone one compact line per record (primary, secondary and tertiary
 * texts), linked as the table's rows are.
 */
export function CompactOnPhone<R extends RaRecord>(props: {
  primary: (record: R) => ReactNode;
  secondary?: (record: R) => ReactNode;
  tertiary?: (record: R) => ReactNode;
  linkType?: 'show' | 'edit' | false;
  children: ReactElement;
}) {
  const phone = useIsPhone();
  if (!phone) return props.children;
  return (
    <SimpleList<R>
      primaryText={props.primary}
      secondaryText={props.secondary}
      tertiaryText={props.tertiary}
      linkType={props.linkType ?? 'show'}
      sx={{ overflowWrap: 'anywhere' }}
    />
  );
}
