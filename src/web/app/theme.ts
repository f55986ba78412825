// Colours chosen for contrast: Mantine's default blue fails WCAG AA on white, so
// the primary colour is a navy whose shade 7 gives 8.3:1 with white text; red and
// green are darkened so that filled buttons and light badges pass 4.5:1 too.
import {
  createTheme,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from '@mantine/core';
import type { TFunction } from 'i18next';

const navy: MantineColorsTuple = [
  '#e9f1f9',
  '#d3e2f1',
  '#a6c3e2',
  '#76a2d2',
  '#4f86c4',
  '#3672b8',
  '#245fa5',
  '#1b4f8c',
  '#143f72',
  '#0c2d54',
];
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#fa5252',
  '#e03131',
  '#c92a2a',
  '#a82020',
  '#8a1a1a',
];
const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#40c057',
  '#2f9e44',
  '#237a36',
  '#1d6b2f',
  '#155424',
];

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#525c66',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-anchor': 'var(--mantine-color-navy-7)',
    '--mantine-color-placeholder': '#6b7580',
  },
  dark: {},
});

export function createAppTheme(t: TFunction): MantineThemeOverride {
  const close = t('common.close');
  return createTheme({
    primaryColor: 'navy',
    primaryShade: { light: 7, dark: 5 },
    colors: { navy, red, green },
    autoContrast: true,
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    headings: { fontWeight: '700' },
    // Plain objects, not Component.extend(): importing Modal or Select here would put
    // them (and their positioning library) in every page's bundle.
    components: {
      // Mantine's gray-6 description under a title fails colour contrast (axe).
      Notification: {
        defaultProps: { closeButtonProps: { 'aria-label': close } },
        styles: { description: { color: 'var(--mantine-color-gray-8)' } },
      },
      PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.togglePassword') } } },
      Select: {
        defaultProps: {
          clearButtonProps: { 'aria-label': t('common.clear') },
          nothingFoundMessage: t('common.nothingFound'),
        },
      },
      // Badges carry role names and statuses: let them wrap instead of cutting words off.
      Badge: {
        defaultProps: { variant: 'light' },
        styles: {
          root: {
            height: 'auto',
            minHeight: 'var(--badge-height)',
            textTransform: 'none',
            paddingBlock: 2,
            maxWidth: '100%',
          },
          label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
        },
      },
      ActionIcon: { defaultProps: { variant: 'subtle' } },
      // The focus placeholder is a role=presentation child of role=menu, which axe rejects.
      Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
      // Dropdowns (menus, select options) render inside <main>, not loose in <body>,
      // so everything on the page sits in a landmark (axe: region).
      Popover: { defaultProps: { portalProps: { target: '#main-content' } } },
    },
  });
}
