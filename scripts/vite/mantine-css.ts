// Mantine's styles per component, where the component is used. Instead of the whole of
// `@mantine/core/styles.css` (250 kB) on every page, each Mantine component that has styles
// brings its own style sheet: the module holding its class names (`esm/components/X/X.module.mjs`)
// gets an import of `@mantine/core/styles/X.layer.css`, so the CSS lands in the same chunk as the
// component and a page loads the styles of the components it renders, dependencies included,
// whatever imports them. The `.layer.css` files put Mantine in `@layer mantine`, so the order in
// which chunks arrive never lets Mantine override the app's own styles (which are not layered).
import type { Plugin } from 'vite';

const COMPONENT_STYLES = /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/](?:.+[\\/])?([A-Za-z]+)\.module\.mjs$/;
const NOTIFICATIONS_STYLES = /[\\/]@mantine[\\/]notifications[\\/]esm[\\/]Notifications\.module\.mjs$/;

export function mantineCssPerComponent(): Plugin {
  return {
    name: 'caunoi:mantine-css-per-component',
    enforce: 'pre',
    transform(code, id) {
      const component = COMPONENT_STYLES.exec(id)?.[1];
      if (component) return { code: `import '@mantine/core/styles/${component}.layer.css';\n${code}`, map: null };
      if (NOTIFICATIONS_STYLES.test(id))
        return { code: `import '@mantine/notifications/styles.layer.css';\n${code}`, map: null };
      return null;
    },
  };
}
