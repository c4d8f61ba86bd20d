import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal, UserMenu, useGetIdentity } from 'react-admin';

/** The profile button's name starts with the name it shows (react-admin names it « Profil » only, which a voice user cannot say). */
const ProfileMenu = () => {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ? `${identity.fullName}, profil` : 'Profil'} />;
};

/** The app bar: the page's title is its one h1, as screen readers look for it. */
const TitledAppBar = () => (
  <AppBar userMenu={<ProfileMenu />}>
    <TitlePortal component="h1" />
  </AppBar>
);

/** react-admin's layout with the app bar above. */
export const Layout = ({ children }: { children: ReactNode }) => <RaLayout appBar={TitledAppBar}>{children}</RaLayout>;
