/// <reference types="vite/client" />

/** The UI strings by language and group (scripts/vite/i18n-split.ts). */
declare module 'virtual:i18n-catalog' {
  const catalog: Record<'vi' | 'en', Record<string, (() => Promise<{ default: Record<string, unknown> }>) | undefined>>;
  export default catalog;
}
