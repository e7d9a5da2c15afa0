/** Small line icons drawn as SVG, so they look the same on every PC (no emoji font needed). */
const PATHS = {
  diagnose: 'M3 12h4l2-5 4 10 2-5h6',
  checklists: 'M4 6l2 2 3-3M4 13l2 2 3-3M12 7h8M12 14h8M12 20h8M4 20h4',
  visit:
    'M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21zM12 12.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  reports: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  ok: 'M5 12.5l4.5 4.5L19 7.5',
  warn: 'M12 4l9 16H3zM12 10v4M12 17.5v.5',
  fail: 'M6 6l12 12M18 6L6 18',
  unknown: 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.7.4-1 1-1 1.7v.5M12 17.5v.5',
} as const;

export type IconName = keyof typeof PATHS;
export type IconProps = Readonly<{ name: IconName; size?: number; className?: string }>;

/** A decorative icon (hidden from screen readers: the text beside it says the same). */
export function Icon({ name, size = 20, className }: IconProps) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
