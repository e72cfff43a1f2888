import { SelectField } from '../../ui/Field';

interface EditionPickerProps {
  label: string;
  editions: ReadonlyArray<{ key: string; name: string }>;
  value: string;
  onChange: (key: string) => void;
}

/** A select of editions by name, newest first as given. */
export function EditionPicker({ label, editions, value, onChange }: EditionPickerProps) {
  return (
    <SelectField
      label={label}
      value={value}
      options={editions.map((e) => ({ value: e.key, label: e.name }))}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
