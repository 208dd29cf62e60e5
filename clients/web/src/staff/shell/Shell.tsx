import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useConnectivity } from '../api/connectivity';
import { formatDate, formatTime } from '../../shared/format';
import { useStringFlag } from '../flags/flags';
import { navFor } from './roles';
import { useShop } from './shop';
import { reloadIntoUpdate, useUpdateReady } from './updates';

const roleLabel = { OWNER: 'Owner', MANAGER: 'Manager', ADVISOR: 'Service advisor', TECHNICIAN: 'Technician' } as const;

export function Shell({ children, onSignOut }: { children: ReactNode; onSignOut(): Promise<void> }) {
  const { me, shopId, role, setShopId } = useShop();
  const [location] = useLocation();
  const { online, lastUpdatedAt } = useConnectivity();
  const updateReady = useUpdateReady();
  const notice = useStringFlag('platform.maintenance-notice', '');
  const shops = me.roles.map((r) => r.shop);

  return (
    <div className="shell">
      <a href="#main" className="skip">Skip to content</a>
      <div className="chrome">
        <header className="topbar">
          <Link href="/" className="brand" aria-label="Courtesy Inspection home">
            <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true"><rect width="32" height="32" rx="8" fill="#0b5fff" /><path d="M9 16.5l4.5 4.5L23 11.5" stroke="#fff" strokeWidth="3.2" fill="none" strokeLinecap="round" strokeLinejoin="round" /></svg>
            <span>Courtesy Inspection</span>
          </Link>
          <nav aria-label="Main" className="nav">
            {navFor(role).map((item) => (
              <Link key={item.path} href={item.path} className="nav-link" aria-current={location.startsWith(item.path) ? 'page' : undefined}>
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="account">
            {shops.length > 1 ? (
              <label className="shop-switch">
                <span className="visually-hidden">Shop</span>
                <select className="input" value={shopId} onChange={(event) => setShopId(event.target.value)}>
                  {shops.map((shop) => (
                    <option key={shop.id} value={shop.id}>{shop.name}</option>
                  ))}
                </select>
              </label>
            ) : (
              <span className="shop-name">{shops[0]?.name}</span>
            )}
            <span className="who"><strong>{me.name}</strong><span className="muted">{roleLabel[role]}</span></span>
            <button type="button" className="btn" onClick={() => void onSignOut()}>Sign out</button>
          </div>
        </header>
        {notice ? (
          <div className="banner banner-notice" role="status" data-flag="platform.maintenance-notice">
            <span>{notice}</span>
          </div>
        ) : null}
        {!online ? (
          <div className="banner banner-offline" role="status">
            <span>
              <strong>Offline</strong>
              {lastUpdatedAt ? `, last updated ${formatDate(lastUpdatedAt)} ${formatTime(lastUpdatedAt)}` : ''}. Changes are kept on this device and sent when the
              connection returns.
            </span>
          </div>
        ) : null}
        {updateReady ? (
          <div className="banner banner-update" role="status">
            <span>A new version of the app is ready.</span>
            <button type="button" className="btn btn-primary" onClick={() => void reloadIntoUpdate()}>Update now</button>
          </div>
        ) : null}
      </div>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
