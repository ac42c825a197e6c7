// The least a React page can do before it shows anything: evaluate React and ReactDOM and draw one element.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

const root = createRoot(document.getElementById('root')!);
flushSync(() => root.render(createElement('h1', null, 'Idiolect')));
performance.mark('idiolect:floor');
