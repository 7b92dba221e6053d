import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ScreenBoundary } from './components/screen-boundary/ScreenBoundary';
import './styles/tokens.css';
import './styles/base.css';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) {
  throw new Error('Firedrill: #root element missing from index.html');
}

createRoot(root).render(
  <StrictMode>
    <ScreenBoundary>
      <App />
    </ScreenBoundary>
  </StrictMode>,
);
