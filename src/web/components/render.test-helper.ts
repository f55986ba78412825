// Renders a component to HTML for the component tests: no DOM needed.
import { MantineProvider } from '@mantine/core';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/** The markup of an element inside Mantine's provider, without the provider's style tags. */
export function renderHtml(element: ReactElement): string {
  return renderToStaticMarkup(createElement(MantineProvider, null, element)).replace(
    /<style[^>]*>[\s\S]*?<\/style>/g,
    '',
  );
}
