import type { CSSObject, Theme } from '@mui/material';
import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

const onPhone =
  (style: CSSObject) =>
  ({ theme }: { theme: Theme }) => ({ [theme.breakpoints.down('sm')]: style });

/**
 * react-admin's light theme with a darker app bar blue, so its white text reads at 5.7:1 (WCAG AA); on a phone the
 * layout is as wide as the screen instead of as wide as its widest content (react-admin's `min-width: fit-content`),
 * so charts and tables get the screen's width to fit in, and a table too wide scrolls sideways in its own box.
 */
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
  },
  components: {
    ...defaultLightTheme.components,
    RaLayout: { styleOverrides: { root: onPhone({ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }) } },
    RaShow: { styleOverrides: { root: onPhone({ '& .RaShow-card': { minWidth: 0 } }) } },
    RaList: { styleOverrides: { root: onPhone({ '& .RaList-main': { minWidth: 0 } }) } },
    RaDataTable: { styleOverrides: { root: onPhone({ '& .RaDataTable-tableWrapper': { overflowX: 'auto' } }) } },
  },
};
