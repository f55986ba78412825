import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../i18n/index.ts';
import { chooseLanguage } from '../session.ts';

/** VI / EN in the header; the choice is remembered (cookie, and the account when signed in). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(value) => {
        if (isLanguage(value)) void chooseLanguage(value);
      }}
      data={[
        { value: 'vi', label: <span lang="vi">VI</span> },
        { value: 'en', label: <span lang="en">EN</span> },
      ]}
    />
  );
}
