import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Step } from '../../../main/service/checklists/schema';
import { useLocal } from '../../i18n/pick';
import { fileSha256, MAX_HASH_BYTES } from './file-hash';

/** Props of {@link StepInput}. */
export type StepInputProps = Readonly<{
  step: Step;
  /** Check steps whose probe is missing are answered yes/no by hand. */
  manual: boolean;
  current: string | undefined;
  busy: boolean;
  onAnswer: (value: string | undefined) => void;
}>;

function Choices({ name, options, value, onChange }: Readonly<{ name: string; options: readonly { value: string; label: string }[]; value: string; onChange: (v: string) => void }>) {
  return (
    <div className="cl-choices">
      {options.map((o) => (
        <label key={o.value} className="cl-choice">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} data-testid={`answer-${o.value}`} />
          {o.label}
        </label>
      ))}
    </div>
  );
}

function FileHash({ value, onChange }: Readonly<{ value: string; onChange: (v: string) => void }>) {
  const { t } = useTranslation('checklists');
  const [tooBig, setTooBig] = useState(false);
  const pick = async (file: File | undefined): Promise<void> => {
    if (file === undefined) return;
    setTooBig(file.size > MAX_HASH_BYTES);
    if (file.size <= MAX_HASH_BYTES) onChange(await fileSha256(new Uint8Array(await file.arrayBuffer())));
  };
  return (
    <label className="cl-field">
      {t('wizard.pickFileToHash')}
      <input type="file" onChange={(e) => void pick(e.target.files?.[0])} data-testid="answer-file-sha256" />
      {tooBig && <span role="alert">{t('wizard.fileTooBig')}</span>}
      {value !== '' && <code data-testid="answer-sha256">SHA-256: {value}</code>}
    </label>
  );
}

/** The answer control of a step: "done" for instructions, the question's input, or yes/no by hand. */
export function StepInput({ step, manual, current, busy, onAnswer }: StepInputProps) {
  const { t } = useTranslation('checklists');
  const local = useLocal();
  const id = useId();
  const [value, setValue] = useState(current ?? '');
  if (step.kind === 'instruction') {
    return (
      <button type="button" className="primary" disabled={busy} onClick={() => onAnswer(undefined)} data-testid="step-done">
        {t('wizard.done')}
      </button>
    );
  }
  if (step.kind === 'check' && !manual) return null;
  const yesNo = [{ value: 'yes', label: t('wizard.yes') }, { value: 'no', label: t('wizard.no') }];
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (value.trim() !== '') onAnswer(value.trim());
  };
  const input = step.kind === 'check' ? { type: 'yes-no' as const } : step.input;
  return (
    <form className="cl-answer" onSubmit={submit} aria-label={t('wizard.answer')}>
      <fieldset>
        <legend className="cl-legend">{manual ? t('wizard.manualQuestion') : t('wizard.answer')}</legend>
        {input.type === 'yes-no' && <Choices name={id} options={yesNo} value={value} onChange={setValue} />}
        {input.type === 'choice' && (
          <Choices name={id} options={input.options.map((o) => ({ value: o.value, label: local(o.label) }))} value={value} onChange={setValue} />
        )}
        {input.type === 'number' && (
          <label className="cl-field">
            {input.unit === undefined ? t('wizard.answer') : local(input.unit)}
            <input type="number" inputMode="decimal" value={value} min={input.min} max={input.max} onChange={(e) => setValue(e.target.value)} data-testid="answer-number" />
          </label>
        )}
        {input.type === 'file-sha256' && <FileHash value={value} onChange={setValue} />}
        {input.type === 'text' && (
          <label className="cl-field">
            {t('wizard.answer')}
            <textarea rows={input.multiline ? 4 : 2} value={value} onChange={(e) => setValue(e.target.value)} data-testid="answer-text" />
          </label>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={busy || value.trim() === ''} data-testid="step-save">
        {t('wizard.save')}
      </button>
    </form>
  );
}
