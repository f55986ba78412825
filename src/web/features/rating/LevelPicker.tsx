import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Face } from './Face.tsx';
import { LEVELS, type Level } from './levels.ts';

/**
 * Five levels as one radio group: native radios (keyboard and screen readers work
 * as expected) drawn as large tap targets, a face and a word each.
 */
export function LevelPicker({
  name,
  legend,
  value,
  onChange,
  compact = false,
}: {
  name: string;
  legend: string;
  value: Level | null;
  onChange: (level: Level) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="level-picker" data-compact={compact || undefined}>
      <legend>
        <Text component="span" fw={600} size={compact ? 'sm' : 'md'}>
          {legend}
        </Text>
      </legend>
      <div className="level-options">
        {LEVELS.map((level) => (
          <label key={level} className="level-option" data-level={level}>
            <input
              type="radio"
              name={name}
              value={level}
              checked={value === level}
              onChange={() => onChange(level)}
              data-testid={`${name}-${level}`}
            />
            <span className="level-face">
              <Face level={level} size={compact ? 24 : 32} />
            </span>
            <span className="level-label">{t(`rating.levels.${level}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
