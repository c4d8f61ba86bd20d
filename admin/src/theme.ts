import type { CSSObject, Theme } from '@mui/material';
import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

const onPhone =
  (style: CSSObject) =>
  ({ theme }: { theme: Theme }) => ({ [theme.breakpoints.down('sm')]: style });

const DIMMED_TEXT = { color: 'rgba(0, 0, 0, 0.6)' };

/**
 * react-admin's light theme with colours that pass WCAG AA contrast: a darker blue for the app bar and for buttons
 * and links (5.5:1 on the page's grey), darker orange and light blue behind white chip text, checkboxes named on
 * their input, spinners named, and empty-list messages and helper texts of disabled fields in the secondary text
 * grey rather than the disabled one. On a phone the layout is as wide
 * as the screen instead of as wide as its widest content (react-admin's `min-width: fit-content`), so charts and
 * tables get the screen's width to fit in, and a table too wide scrolls sideways in its own box.
 */
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#1565c0' },
    secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
    warning: { main: '#b45309', contrastText: '#fff' },
    info: { main: '#01579b', contrastText: '#fff' },
  },
  components: {
    ...defaultLightTheme.components,
    RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': DIMMED_TEXT } } },
    // a checkbox's `aria-label` names its input, not the span around it (react-admin's row checkboxes pass it so)
    MuiCheckbox: {
      defaultProps: {
        slotProps: {
          root: { 'aria-label': undefined },
          input: (ownerState: { 'aria-label'?: string }) => ({ 'aria-label': ownerState['aria-label'] }),
        },
      },
    },
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Chargement…' } },
    // MUI's own English when a search finds nothing (react-admin passes none)
    MuiAutocomplete: { defaultProps: { noOptionsText: 'Aucun résultat' } },
    MuiFormHelperText: { styleOverrides: { root: { '&.Mui-disabled': DIMMED_TEXT } } },
    RaLayout: { styleOverrides: { root: onPhone({ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }) } },
    RaShow: { styleOverrides: { root: onPhone({ '& .RaShow-card': { minWidth: 0 } }) } },
    RaList: { styleOverrides: { root: onPhone({ '& .RaList-main': { minWidth: 0 } }) } },
    RaDataTable: { styleOverrides: { root: onPhone({ '& .RaDataTable-tableWrapper': { overflowX: 'auto' } }) } },
  },
};
