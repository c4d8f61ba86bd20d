import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's light theme with a darker app bar blue, so its white text reads at 5.7:1 (WCAG AA). */
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
  },
};
