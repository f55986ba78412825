// Text colours for light badges whose Mantine shade 9 is too pale on a tinted
// background (axe: color-contrast needs 4.5:1).
export const DARK_YELLOW = '#5c3d00';
export const DARK_ORANGE = '#7c2d12';
