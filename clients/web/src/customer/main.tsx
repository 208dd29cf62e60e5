import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './customer.css';
import { ApprovalPage } from './ApprovalPage';

/** The token is in the link's fragment, so it never reaches a server log or a Referer header. */
const token = decodeURIComponent(window.location.hash.replace(/^#/, ''));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApprovalPage linkToken={token} />
  </StrictMode>,
);
