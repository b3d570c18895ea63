import { NavLink } from 'react-router';
import { useNotificationStream, useUnreadCount } from './api.js';
import './notifications.css';

/**
 * The header's way to the notifications, with the unread count as a badge, kept live by
 * the notification stream. The badge reads "3 unread notifications" to a screen reader
 * (the link's name becomes "Notifications 3 unread notifications").
 */
export function NotificationsLink() {
  useNotificationStream(true);
  const count = useUnreadCount(true).data ?? 0;
  const label = `${count} unread notification${count === 1 ? '' : 's'}`;
  return (
    <NavLink to="/notifications" className="notifications-link">
      Notifications
      {count > 0 && (
        <span className="unread-badge" title={label}>
          <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
          <span className="visually-hidden">{label}</span>
        </span>
      )}
    </NavLink>
  );
}
