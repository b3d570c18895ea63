import { useQueryClient } from '@tanstack/react-query';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../api/problem.js';
import { forgetSession, useLogout } from '../api/use-auth.js';
import { useMe } from '../api/use-me.js';
import { NotificationsLink } from '../notifications/notifications-link.js';
import { useAppStore } from '../store.js';
import { SearchBox } from './search-box.js';

export function SiteHeader() {
  const me = useMe().data;
  const logout = useLogout();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const reset = useAppStore((state) => state.reset);
  const showFlash = useAppStore((state) => state.showFlash);

  function logOut() {
    logout.mutate(undefined, {
      onSuccess: () => {
        navigate('/login');
        forgetSession(queryClient);
        reset();
        showFlash('You have logged out.', '/login');
      },
      onError: (error) => showFlash(`You are still logged in. ${errorMessage(error)}`, pathname),
    });
  }

  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          Starling
        </Link>
        <SearchBox />
        {me === undefined ? null : me ? (
          <>
            <nav aria-label="Main">
              <ul className="nav-list">
                <li>
                  <NavLink to="/" end>
                    Home
                  </NavLink>
                </li>
                <li>
                  <NotificationsLink />
                </li>
                <li>
                  <NavLink to="/profile">Profile</NavLink>
                </li>
                <li>
                  <NavLink to="/settings">Settings</NavLink>
                </li>
              </ul>
            </nav>
            <button type="button" className="button" onClick={logOut} disabled={logout.isPending}>
              Log out
            </button>
          </>
        ) : (
          <nav aria-label="Account">
            <ul className="nav-list">
              <li>
                <NavLink to="/login">Log in</NavLink>
              </li>
              <li>
                <NavLink to="/signup">Sign up</NavLink>
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}
