import { useRef, useState, type FormEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { RunState } from './use-run';

const WIDTH = 480;
const HEIGHT = 160;

/** Draws a typed name on the canvas in a handwriting-like style (the keyboard alternative). */
function drawTyped(canvas: HTMLCanvasElement, name: string): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  ctx.fillStyle = '#0b2a6f';
  ctx.font = 'italic 40px "Segoe Script", "Brush Script MT", cursive, serif';
  ctx.textBaseline = 'middle';
  ctx.fillText(name, 16, HEIGHT / 2, WIDTH - 32);
}

/** A canvas to sign with mouse, pen or finger; `onInk` says whether anything is drawn. */
function SignaturePad({ canvasRef, onInk }: Readonly<{ canvasRef: React.RefObject<HTMLCanvasElement | null>; onInk: (inked: boolean) => void }>) {
  const { t } = useTranslation('checklists');
  const drawing = useRef(false);
  const point = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - box.left) * WIDTH) / box.width, ((e.clientY - box.top) * HEIGHT) / box.height];
  };
  const down = (e: PointerEvent<HTMLCanvasElement>): void => {
    const ctx = e.currentTarget.getContext('2d');
    if (ctx === null) return;
    drawing.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#0b2a6f';
    ctx.beginPath();
    ctx.moveTo(...point(e));
  };
  const move = (e: PointerEvent<HTMLCanvasElement>): void => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    ctx?.lineTo(...point(e));
    ctx?.stroke();
    onInk(true);
  };
  const clear = (): void => {
    canvasRef.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    onInk(false);
  };
  return (
    <div className="cl-pad">
      <p className="cl-muted">{t('signOff.draw')}</p>
      <canvas ref={canvasRef} width={WIDTH} height={HEIGHT} role="img" aria-label={t('signOff.pad')} onPointerDown={down} onPointerMove={move} onPointerUp={() => (drawing.current = false)} data-testid="signature-pad" />
      <button type="button" className="secondary" onClick={clear}>{t('signOff.clear')}</button>
    </div>
  );
}

/** The commune official's sign-off: name, position, and a drawn (or typed) signature. */
export function SignOffPanel({ run, required }: Readonly<{ run: RunState; required: boolean }>) {
  const { t } = useTranslation('checklists');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [typed, setTyped] = useState('');
  const [inked, setInked] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const method = inked ? 'drawn' : 'typed';
    if (!inked && typed.trim() === '') {
      setProblem(t('signOff.needSignature'));
      return;
    }
    if (!inked) drawTyped(canvas, typed.trim());
    setProblem(undefined);
    void run.act('sign-off', { name, position, method, signaturePng: canvas.toDataURL('image/png') });
  };
  return (
    <section className="cl-signoff" aria-labelledby="cl-signoff-title" data-testid="sign-off">
      <h2 id="cl-signoff-title">{t('signOff.title')}</h2>
      {required && <p>{t('signOff.required')}</p>}
      <form onSubmit={submit}>
        <label className="cl-field">{t('signOff.name')}<input required value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" data-testid="signoff-name" /></label>
        <label className="cl-field">{t('signOff.position')}<input required value={position} onChange={(e) => setPosition(e.target.value)} data-testid="signoff-position" /></label>
        <SignaturePad canvasRef={canvasRef} onInk={setInked} />
        <label className="cl-field">{t('signOff.typed')}<input value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="signoff-typed" /></label>
        {problem !== undefined && <p role="alert" className="cl-error">{problem}</p>}
        <button type="submit" className="primary" disabled={run.busy} data-testid="signoff-submit">{t('signOff.submit')}</button>
      </form>
    </section>
  );
}
