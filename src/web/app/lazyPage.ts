// React.lazy for pages and other components loaded on demand: the component renders once its chunk
// has arrived and so have the strings its modules asked for (src/web/i18n/index.ts), so no label
// ever shows as a raw key.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { stringsReady } from '../i18n/index.ts';

export function lazyPage<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): LazyExoticComponent<T> {
  return lazy(async () => {
    const module = await load();
    await stringsReady();
    return module;
  });
}
